namespace Orchestrator.Core;

/// <summary>Names a workflow (and its version) for registration and for starting it over the API.</summary>
/// <param name="name">The name clients use, e.g. <c>orders.fulfil</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkflowAttribute(string name) : Attribute
{
    /// <summary>The name clients use.</summary>
    public string Name { get; } = name;

    /// <summary>The version reported for this code; defaults to <c>1</c>.</summary>
    public string Version { get; init; } = "1";

    /// <summary>One line saying what the workflow does.</summary>
    public string? Description { get; init; }
}
