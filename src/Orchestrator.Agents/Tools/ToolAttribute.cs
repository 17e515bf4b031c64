namespace Orchestrator.Agents.Tools;

/// <summary>
/// Marks a public method as a tool agents may call. Its JSON schema comes from the parameters and their
/// <see cref="System.ComponentModel.DescriptionAttribute"/>s. A parameter of type <see cref="ToolInvocationContext"/>
/// receives the call's idempotency key and principal pair and is not part of the schema.
/// </summary>
/// <param name="name">The tool name, e.g. <c>crm.lookup</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ToolAttribute(string name) : Attribute
{
    /// <summary>The tool name.</summary>
    public string Name { get; } = name;

    /// <summary>What the tool does, for the model.</summary>
    public string? Description { get; init; }
}
