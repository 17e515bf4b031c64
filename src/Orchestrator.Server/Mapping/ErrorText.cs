using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Server.Mapping;

/// <summary>
/// The one mapping of failure text for answers: what went wrong stays, where in the server's code it went wrong does not.
/// Stack traces are kept in the log; an answer shows the error type and message only, with any stack frames or source
/// locations that a message carries (code that wraps <c>exception.ToString()</c>) taken out.
/// </summary>
internal static partial class ErrorText
{
    /// <summary><paramref name="message"/> without .NET stack frames, "end of stack trace" markers and source locations.</summary>
    public static string WithoutStackTrace(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Contains(" at ", StringComparison.Ordinal) && !message.Contains("---", StringComparison.Ordinal)
            && !message.Contains(":line ", StringComparison.Ordinal))
        {
            return message;
        }

        var kept = new StringBuilder(message.Length);
        foreach (var line in message.Split('\n'))
        {
            if (StackFrame().IsMatch(line) || EndOfTrace().IsMatch(line))
            {
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append('\n');
            }

            kept.Append(SourceLocation().Replace(line, string.Empty));
        }

        return kept.ToString().TrimEnd();
    }

    // "   at Namespace.Type.Method(Args) in /path/File.cs:line 12", also without the location part.
    [GeneratedRegex(@"^\s+at\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    // "--- End of inner exception stack trace ---", "--- End of stack trace from previous location ---".
    [GeneratedRegex(@"^\s*--- End of .*---\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfTrace();

    [GeneratedRegex(@"\s+in \S.*?:line \d+", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLocation();
}
