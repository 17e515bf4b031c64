using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>A declared workflow input or output.</summary>
/// <param name="Name">The name (the key in the instance's input or output object).</param>
/// <param name="Type">The type alias, e.g. <c>String</c>, <c>Decimal</c>, <c>Object</c>.</param>
/// <param name="DisplayName">The label shown in the run form.</param>
/// <param name="Description">Help text.</param>
/// <param name="IsArray">Whether it is an array.</param>
/// <param name="Extra">Every other property, kept as read (for example <c>uiHint</c>, <c>category</c>).</param>
public sealed record FlowArgument(string Name, string Type, string? DisplayName, string? Description, bool IsArray, JsonObject Extra);
