namespace Orchestrator.Workflows.PriceComparison;

/// <summary>The supplier's API rate-limited the request (429). Transient: the quote retry policy asks again later.</summary>
public sealed class SupplierBusyException : Exception
{
    public SupplierBusyException()
    {
    }

    public SupplierBusyException(string message)
        : base(message)
    {
    }

    public SupplierBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
