using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>The bank declined the charge. Non-retriable: charging the same card again is declined again (or worse, flagged).</summary>
public sealed class PaymentDeclinedException : NonRetriableException
{
    public PaymentDeclinedException()
    {
    }

    public PaymentDeclinedException(string message)
        : base(message)
    {
    }

    public PaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
