using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>How each kind of step in <see cref="OrderFulfilmentWorkflow"/> and <see cref="ShipmentWorkflow"/> is retried, and why.</summary>
internal static class OrderRetryPolicies
{
    /// <summary>
    /// The stock service sheds load with 503s during sales peaks: retry that (and attempts that hang) with backoff,
    /// about a minute in all. Anything else, such as an unknown or out-of-stock SKU, will not change by asking again.
    /// </summary>
    public static RetryPolicy StockService { get; } = new()
    {
        MaxAttempts = 5,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaxRetryDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        ShouldRetry = failure =>
            failure.IsCausedBy(nameof(StockServiceUnavailableException)) || failure.IsCausedBy(nameof(TimeoutException)),
    };

    /// <summary>
    /// A few retries for provider hiccups; a declined card is a <see cref="NonRetriableException"/> and never retried,
    /// since charging the same card again is declined again, or flagged as fraud.
    /// </summary>
    public static RetryPolicy Payment { get; } = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Refunds, releases and escalations must happen in the end, because a customer's money or stock is stuck until
    /// they do: keep trying for about half an hour before the instance fails and a person takes over.
    /// </summary>
    public static RetryPolicy Compensation { get; } = new()
    {
        MaxAttempts = 10,
        FirstRetryDelay = TimeSpan.FromSeconds(5),
        BackoffCoefficient = 2,
        MaxRetryDelay = TimeSpan.FromMinutes(10),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Carrier and label-printer outages are short: a few quick retries beat failing an order that is paid and packed.</summary>
    public static RetryPolicy Carrier { get; } = new()
    {
        MaxAttempts = 5,
        FirstRetryDelay = TimeSpan.FromSeconds(2),
        BackoffCoefficient = 2,
        MaxRetryDelay = TimeSpan.FromMinutes(1),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };
}
