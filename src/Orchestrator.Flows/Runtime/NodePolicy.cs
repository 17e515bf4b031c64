using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// A node's <c>customProperties.retry = {maxAttempts, firstDelay, backoff, maxDelay}</c> (delays as TimeSpan text such
/// as <c>"00:00:05"</c> or seconds) and <c>customProperties.timeout</c> (TimeSpan). Values outside <see cref="RetryPolicy"/>'s
/// bounds (which the validator refuses) are clamped into them: at most <see cref="RetryPolicy.MaxAttemptsLimit"/> attempts, at
/// least <see cref="RetryPolicy.MinimumDelay"/> apart.
/// </summary>
/// <param name="Retry">The retry policy of the node's steps, or null for one attempt.</param>
/// <param name="Timeout">The node's time limit, or null.</param>
internal sealed record NodePolicy(RetryPolicy? Retry, TimeSpan? Timeout)
{
    public static NodePolicy Read(FlowActivity node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Property("customProperties") is not JsonObject custom)
        {
            return new NodePolicy(null, null);
        }

        RetryPolicy? retry = null;
        if (custom.Find("retry") is JsonObject r)
        {
            // Clamped into RetryPolicy's bounds: a version stored before they were validated must still run, never throw.
            var defaults = new RetryPolicy();
            var attempts = FlowValues.AsDouble(r.Find("maxAttempts")) is { } a && double.IsFinite(a) ? Math.Clamp(a, 1, RetryPolicy.MaxAttemptsLimit) : defaults.MaxAttempts;
            var backoff = FlowValues.AsDouble(r.Find("backoff")) is { } b && double.IsFinite(b) ? Math.Max(1.0, b) : defaults.BackoffCoefficient;
            retry = new RetryPolicy
            {
                MaxAttempts = (int)attempts,
                FirstRetryDelay = AtLeastMinimum(FlowValues.AsTimeSpan(r.Find("firstDelay")) ?? defaults.FirstRetryDelay),
                BackoffCoefficient = backoff,
                MaxRetryDelay = AtLeastMinimum(FlowValues.AsTimeSpan(r.Find("maxDelay")) ?? defaults.MaxRetryDelay),
            };
        }

        var timeout = FlowValues.AsTimeSpan(custom.Find("timeout"));
        return new NodePolicy(retry, timeout is { Ticks: > 0 } ? timeout : null);
    }

    private static TimeSpan AtLeastMinimum(TimeSpan delay) => delay < RetryPolicy.MinimumDelay ? RetryPolicy.MinimumDelay : delay;
}
