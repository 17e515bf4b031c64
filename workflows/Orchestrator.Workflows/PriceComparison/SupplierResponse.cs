namespace Orchestrator.Workflows.PriceComparison;

/// <summary>How a supplier responded (serialized as its name, e.g. <c>"MissedDeadline"</c>).</summary>
public enum SupplierResponse
{
    /// <summary>Answered with a quote in time.</summary>
    Quoted,

    /// <summary>Refused, or kept failing through every retry.</summary>
    Failed,

    /// <summary>Had not answered when the response window closed; a later answer is ignored.</summary>
    MissedDeadline,
}
