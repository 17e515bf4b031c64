namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// The stock service could not be reached or was overloaded. Transient: the reservation retry policy retries
/// exactly this error (and attempt time-outs), and nothing else.
/// </summary>
public sealed class StockServiceUnavailableException : Exception
{
    public StockServiceUnavailableException()
    {
    }

    public StockServiceUnavailableException(string message)
        : base(message)
    {
    }

    public StockServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
