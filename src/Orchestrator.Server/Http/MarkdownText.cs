using System.Text;

namespace Orchestrator.Server.Http;

/// <summary>
/// Descriptions in the OpenAPI document are CommonMark, which the reference page renders as HTML: a placeholder such as
/// <c>&lt;user&gt;</c> would be taken for a tag and vanish. Outside code spans, <c>&lt;</c> and <c>&gt;</c> become the
/// entities that render as themselves; inside backticks they are shown as written already.
/// </summary>
internal static class MarkdownText
{
    public static string? EscapeAngleBrackets(string? text)
    {
        if (text is null || (!text.Contains('<', StringComparison.Ordinal) && !text.Contains('>', StringComparison.Ordinal)))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var inCode = false;
        foreach (var c in text)
        {
            if (c == '`')
            {
                inCode = !inCode;
            }

            escaped.Append((inCode, c) switch
            {
                (false, '<') => "&lt;",
                (false, '>') => "&gt;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
