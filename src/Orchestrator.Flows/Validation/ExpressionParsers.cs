using Acornima;
using Fluid;

namespace Orchestrator.Flows.Validation;

/// <summary>Parses JavaScript (with the parser Jint uses) and Liquid (with Fluid) to find syntax errors before a run.</summary>
internal sealed class ExpressionParsers
{
    // The Fluid parser is thread-safe and costly to build; the JavaScript parser is cheap but not shared across threads.
    private static readonly FluidParser Liquid = new();
    private readonly Parser _javaScript = new();

    /// <summary>The syntax error of a script, or null when it parses.</summary>
    public string? JavaScriptError(string source)
    {
        try
        {
            _javaScript.ParseScript(source);
            return null;
        }
        catch (ParseErrorException e)
        {
            return e.Message;
        }
    }

    /// <summary>The syntax error of a template, or null when it parses.</summary>
    public static string? LiquidError(string source) => Liquid.TryParse(source, out _, out var error) ? null : error;
}
