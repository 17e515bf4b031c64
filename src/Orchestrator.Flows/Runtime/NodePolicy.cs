using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// A node's <c>customProperties.retry = {maxAttempts, firstDelay, backoff, maxDelay}</c> (delays as TimeSpan text such
/// as <c>"00:00:05"</c> or seconds) and <c>customProperties.timeout</c> (TimeSpan).
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
            var defaults = new RetryPolicy();
            retry = new RetryPolicy
            {
                MaxAttempts = Math.Max(1, (int)(FlowValues.AsDouble(r.Find("maxAttempts")) ?? defaults.MaxAttempts)),
                FirstRetryDelay = FlowValues.AsTimeSpan(r.Find("firstDelay")) ?? defaults.FirstRetryDelay,
                BackoffCoefficient = Math.Max(1.0, FlowValues.AsDouble(r.Find("backoff")) ?? defaults.BackoffCoefficient),
                MaxRetryDelay = FlowValues.AsTimeSpan(r.Find("maxDelay")) ?? defaults.MaxRetryDelay,
            };
        }

        var timeout = FlowValues.AsTimeSpan(custom.Find("timeout"));
        return new NodePolicy(retry, timeout is { Ticks: > 0 } ? timeout : null);
    }
}
