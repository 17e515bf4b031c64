using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>The per-node settings in <c>customProperties</c>: <c>retry</c> (within <see cref="RetryPolicy"/>'s bounds) and <c>timeout</c> (docs/flows.md).</summary>
internal static class CustomPropertyRules
{
    private static readonly string RetryShape =
        $"Set 'Retry' as maximum attempts (a whole number from 1 to {RetryPolicy.MaxAttemptsLimit}), first delay and maximum delay (durations of at least "
        + $"{RetryPolicy.MinimumDelay.TotalMilliseconds:0} ms, such as 00:00:05) and backoff (a number of at least 1).";

    public static void Check(ValidationRun run, FlowActivity a)
    {
        // Read without FlowActivity.CustomProperties, which would add an empty object to a node that has none.
        if (a.Property("customProperties") is not JsonObject custom)
        {
            return;
        }

        var timeout = custom.Find("timeout");
        if (InputValues.BareDaysAdvice(timeout) is { } advice)
        {
            run.Report(a, FlowProblemCodes.InvalidTimeout, $"the timeout '{Text(timeout!)}' {advice}.");
        }
        else if (timeout is not null && !(timeout is JsonValue tv && tv.GetValueKind() == System.Text.Json.JsonValueKind.Null)
            && !(InputValues.TryTimeSpan(timeout, out var span) && span > TimeSpan.Zero))
        {
            run.Report(a, FlowProblemCodes.InvalidTimeout,
                $"the timeout '{Text(timeout)}' is not a positive duration. Write it as hh:mm:ss, e.g. 00:00:30 for thirty seconds.");
        }

        switch (custom.Find("retry"))
        {
            case null:
            case JsonValue rv when rv.GetValueKind() == System.Text.Json.JsonValueKind.Null:
                return;
            case JsonObject retry:
                var wrong = new List<string>();
                if (retry.Find("maxAttempts") is { } max
                    && !(InputValues.TryNumber(max, out var n) && n >= 1 && n <= RetryPolicy.MaxAttemptsLimit && n == Math.Floor(n)))
                {
                    wrong.Add($"maximum attempts '{Text(max)}'");
                }

                foreach (var (key, label) in new[] { ("firstDelay", "first delay"), ("maxDelay", "maximum delay") })
                {
                    if (retry.Find(key) is not { } d)
                    {
                        continue;
                    }

                    if (InputValues.BareDaysAdvice(d) is not null)
                    {
                        wrong.Add($"{label} '{Text(d)}' (read as {Text(d)} days)");
                    }
                    else if (!InputValues.TryTimeSpan(d, out var delay) || delay < TimeSpan.Zero)
                    {
                        wrong.Add($"{label} '{Text(d)}'");
                    }
                    else if (delay < RetryPolicy.MinimumDelay)
                    {
                        wrong.Add($"{label} '{Text(d)}' (shorter than the {RetryPolicy.MinimumDelay.TotalMilliseconds:0} ms every retry waits at least)");
                    }
                }

                if (retry.Find("backoff") is { } b && !(InputValues.TryNumber(b, out var factor) && double.IsFinite(factor) && factor >= 1))
                {
                    wrong.Add($"backoff '{Text(b)}'");
                }

                if (wrong.Count > 0)
                {
                    run.Report(a, FlowProblemCodes.InvalidRetry, $"the retry setting has a wrong {string.Join(", ", wrong)}. {RetryShape}");
                }

                return;
            default:
                run.Report(a, FlowProblemCodes.InvalidRetry, $"the retry setting is not an object. {RetryShape}");
                return;
        }
    }

    private static string Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
}
