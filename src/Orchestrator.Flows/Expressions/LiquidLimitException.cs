namespace Orchestrator.Flows.Expressions;

/// <summary>A render stopped at one of the limits; the message says which (it completes "The Liquid template of node … ").</summary>
internal sealed class LiquidLimitException : Exception
{
    public LiquidLimitException()
    {
    }

    public LiquidLimitException(string message)
        : base(message)
    {
    }

    public LiquidLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
