using Orchestrator.Core;

namespace Orchestrator.Agents.Models;

/// <summary>Retry policies for model calls.</summary>
public static class ModelRetryPolicies
{
    /// <summary>
    /// The policy of a model call that names none: 5 attempts, the first retry after 1 s, doubling, at most 30 s apart;
    /// a rate limit's Retry-After is honoured. Rate limits, server errors, timeouts and malformed answers are retried;
    /// rejected requests (<see cref="ModelRequestRejectedException"/>) and missing configuration
    /// (<see cref="ModelNotConfiguredException"/>) are not, since retrying them cannot help.
    /// </summary>
    public static RetryPolicy DefaultModelRetry { get; } = new()
    {
        MaxAttempts = 5,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };
}
