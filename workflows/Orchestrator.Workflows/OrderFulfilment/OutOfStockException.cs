using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>A line cannot be reserved. Non-retriable: asking the stock service again will not make stock appear.</summary>
public sealed class OutOfStockException : NonRetriableException
{
    public OutOfStockException()
    {
    }

    public OutOfStockException(string message)
        : base(message)
    {
    }

    public OutOfStockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
