namespace Orchestrator.Core;

/// <summary>Names an activity for registration and for <see cref="WorkflowContext.CallActivityAsync{TResult}(string, object?, RetryPolicy?)"/>.</summary>
/// <param name="name">The name workflows use, e.g. <c>orders.reserve-stock</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string name) : Attribute
{
    /// <summary>The name workflows use.</summary>
    public string Name { get; } = name;
}
