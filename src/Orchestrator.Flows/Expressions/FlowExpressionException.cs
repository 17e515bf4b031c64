namespace Orchestrator.Flows.Expressions;

/// <summary>An expression of a node could not be evaluated: it does not parse, it failed, or it broke a sandbox limit.</summary>
internal sealed class FlowExpressionException : Exception
{
    public FlowExpressionException()
    {
    }

    public FlowExpressionException(string message)
        : base(message)
    {
    }

    public FlowExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
