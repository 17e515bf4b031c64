using Orchestrator.Cli.Rendering;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Tests.Support;

/// <summary>Renders Spectre output the way redirected stdout gets it: plain text, wide enough not to wrap.</summary>
internal static class Rendered
{
    public static string Text(IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: false, _ => null, width: 200);
        console.Write(renderable);
        return writer.ToString();
    }
}
