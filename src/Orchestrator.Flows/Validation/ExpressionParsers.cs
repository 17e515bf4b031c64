using Acornima.Ast;
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
        var prepared = JavaScriptSandbox.TryPrepare(source, out var error);
        program = prepared?.Program;
        return error;
    }

    /// <summary>The syntax error of a template (parsed with the runtime's shared parser), or null when it parses.</summary>
    public static string? LiquidError(string source) => LiquidTemplates.TryParse(source, out _, out var error) ? null : error;
}
