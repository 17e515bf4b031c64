using Spectre.Console;

namespace Orchestrator.Cli.Rendering;

/// <summary>
/// Creates the Spectre console for human output. Only a real terminal gets ANSI codes, colours and live
/// displays; redirected output and in-process writers get plain text, and <c>NO_COLOR</c> or <c>TERM=dumb</c> turn colour off.
/// </summary>
internal static class ConsoleFactory
{
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
        if (width is { } columns)
        {
            console.Profile.Width = columns;
        }

        return console;
    }
}
