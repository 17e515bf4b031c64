using System.Text;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// The cap on what one history event may carry, checked wherever a payload enters history (workflow input and output,
/// activity input and result, event payloads, custom status, continue-as-new input, audit details), so nothing larger is
/// ever committed. Failures are kept small too: messages and stack traces are shortened, the chain of causes is cut.
/// </summary>
internal sealed class PayloadLimits(long maxBytes)
{
    /// <summary>Where a server sets the cap.</summary>
    public const string Setting = "Orchestrator:Limits:MaxPayloadBytes";

    /// <summary>The error type of a payload over the cap.</summary>
    public const string ErrorType = "PayloadTooLarge";

    private const int MaxMessageChars = 8 * 1024;
    private const int MaxStackTraceChars = 16 * 1024;
    private const int MaxCauses = 8;

    public long MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The payload limit must be positive.");

    /// <summary>Null when <paramref name="json"/> fits; otherwise a sentence naming it, its size, the limit and the setting.</summary>
    public string? Problem(string? json, string what)
    {
        if (json is null || json.Length * 3L <= MaxBytes)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetByteCount(json);
        return bytes <= MaxBytes
            ? null
            : $"The {what} is {bytes} bytes, more than the {MaxBytes} bytes one step may store ({Setting}). " +
              "Pass less (for instance a reference to where the data is kept), or raise the limit.";
    }

    /// <summary>Throws <see cref="PayloadTooLargeException"/> when <paramref name="json"/> does not fit.</summary>
    public void Check(string? json, string what)
    {
        if (Problem(json, what) is { } problem)
        {
            throw new PayloadTooLargeException(problem);
        }
    }

    /// <summary>The failure an activity's too-large result becomes (retrying returns the same result).</summary>
    public FailureDetails? CheckActivityResult(string activity, string? result) =>
        Problem(result, $"result of activity '{activity}'") is { } problem
            ? new FailureDetails(ErrorType, problem, IsNonRetriable: true)
            : null;

    /// <summary>A failure shortened to what a person reads: bounded message and stack trace, at most a few causes.</summary>
    public static FailureDetails Bound(FailureDetails failure) => Bound(failure, 0);

    private static FailureDetails Bound(FailureDetails failure, int depth) => failure with
    {
        ErrorType = Shorten(failure.ErrorType, 512)!,
        ErrorMessage = Shorten(failure.ErrorMessage, MaxMessageChars)!,
        StackTrace = Shorten(failure.StackTrace, MaxStackTraceChars),
        InnerFailure = failure.InnerFailure is null || depth + 1 >= MaxCauses ? null : Bound(failure.InnerFailure, depth + 1),
    };

    private static string? Shorten(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), $"… ({text.Length - max} more characters)");
}
