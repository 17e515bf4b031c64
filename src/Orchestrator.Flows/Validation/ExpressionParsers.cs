using Acornima;
using Acornima.Ast;
using Jint;
using Orchestrator.Flows.Expressions;

namespace Orchestrator.Flows.Validation;

/// <summary>
/// Finds the syntax errors of JavaScript and Liquid before a run, parsing them the way the runtime does: JavaScript
/// with Jint's own script preparation in strict mode (so a top-level <c>return</c> is accepted and <c>with</c> is not,
/// exactly as when the node runs), Liquid with the runtime's own Fluid parser.
/// </summary>
internal static class ExpressionParsers
{
    /// <summary>
    /// Parses a script as the runtime will; returns its syntax error, e.g. <c>Unexpected end of input (line 1, column 14)</c>,
    /// or null with the parsed program (for <see cref="ScriptCalls"/>).
    /// </summary>
    public static string? JavaScriptError(string source, out Script? program)
    {
        program = null;
        try
        {
            program = Engine.PrepareScript(source, strict: true).Program;
            return null;
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            return Describe(parse);
        }
        catch (ParseErrorException e)
        {
            return Describe(e);
        }
    }

    /// <summary>The syntax error of a template (parsed with the runtime's shared parser), or null when it parses.</summary>
    public static string? LiquidError(string source) => LiquidTemplates.TryParse(source, out _, out var error) ? null : error;

    // Acornima counts columns from 0; people count from 1, as its own message does.
    private static string Describe(ParseErrorException e) =>
        e.LineNumber > 0 ? $"{e.Description.TrimEnd('.')} (line {e.LineNumber}, column {e.Column + 1})" : e.Description.TrimEnd('.');
}
