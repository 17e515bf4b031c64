using Spectre.Console;

namespace Orchestrator.Cli.Rendering;

/// <summary>
/// Creates the Spectre console for human output. Only a real terminal gets ANSI codes, colours and live
/// displays; redirected output and in-process writers get plain text, and <c>NO_COLOR</c> or <c>TERM=dumb</c> turn colour off.
/// </summary>
internal static class ConsoleFactory
{
    /// <summary>
    /// The width used when output is not a terminal and <c>COLUMNS</c> is not set. Spectre would assume 80 and
    /// wrap table cells; a file or a pipe has no width, so lines are only as long as their content needs.
    /// </summary>
    public const int RedirectedWidth = 240;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, Func<string, string?> getVariable, int? width = null)
    {
        var dumb = string.Equals(getVariable("TERM"), "dumb", StringComparison.OrdinalIgnoreCase);
        var noColor = !string.IsNullOrEmpty(getVariable("NO_COLOR"));
        var ansi = isTerminal && !dumb;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Detect : InteractionSupport.No,

            // CI enrichers switch ANSI back on for some log viewers; redirected output must stay plain.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = isTerminal },
        });
        if (width is { } fixedWidth)
        {
            console.Profile.Width = fixedWidth;
        }
        else if (!isTerminal)
        {
            console.Profile.Width = RedirectedColumns(getVariable);
        }

        return console;
    }

    private static int RedirectedColumns(Func<string, string?> getVariable) =>
        int.TryParse(getVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : RedirectedWidth;
}
