using Orchestrator.Cli.Rendering;
using Spectre.Console;

namespace Orchestrator.Cli.Tests.Rendering;

public class ConsoleFactoryTests
{
    [Fact]
    public void Create_RedirectedOutput_WritesNoAnsiAndIsNotInteractive()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: false, _ => null);

        console.MarkupLine("[red bold]Failed[/]");

        writer.ToString().Should().Be("Failed" + Environment.NewLine);
        console.Profile.Capabilities.Ansi.Should().BeFalse();
        console.Profile.Capabilities.Interactive.Should().BeFalse();
    }

    [Fact]
    public void Create_NoColorOnATerminal_UsesNoColours()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: true, name => name == "NO_COLOR" ? "1" : null);

        console.Profile.Capabilities.ColorSystem.Should().Be(ColorSystem.NoColors);
    }

    [Fact]
    public void Create_DumbTerminal_WritesNoAnsi()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: true, name => name == "TERM" ? "dumb" : null);

        console.MarkupLine("[green]ok[/]");

        writer.ToString().Should().NotContain("\u001b[");
    }

    [Fact]
    public void Create_Redirected_IsWideEnoughNotToWrapTables()
    {
        using var writer = new StringWriter();

        ConsoleFactory.Create(writer, isTerminal: false, _ => null).Profile.Width.Should().Be(ConsoleFactory.RedirectedWidth);
        ConsoleFactory.Create(writer, isTerminal: false, name => name == "COLUMNS" ? "100" : null).Profile.Width.Should().Be(100);
    }
}
