using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>A workflow or flowchart variable (docs/flows.md).</summary>
/// <param name="Id">The id output bindings and Variable expressions refer to.</param>
/// <param name="Name">The name expressions use (<c>Variables.Name</c>, <c>getName()</c>).</param>
/// <param name="TypeName">The type alias.</param>
/// <param name="IsArray">Whether the variable holds an array.</param>
/// <param name="Value">The initial value as written (a string such as <c>"0"</c>), or null.</param>
/// <param name="Extra">Every other property of the variable object, kept as read.</param>
public sealed record FlowVariable(string Id, string Name, string TypeName, bool IsArray, string? Value, JsonObject Extra);
