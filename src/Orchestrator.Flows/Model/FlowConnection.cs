using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>An edge of the flowchart: from an outcome (port) of one activity to another activity's <c>In</c> port.</summary>
/// <param name="Source">The source activity id (empty when the document names none).</param>
/// <param name="SourcePort">The outcome name, e.g. <c>Done</c>, <c>True</c>, <c>Approved</c>.</param>
/// <param name="Target">The target activity id (empty when the document names none).</param>
/// <param name="TargetPort">The target port, <c>In</c>.</param>
/// <param name="Vertices">The designer's bend points, kept as read; null when none (an empty list reads as null).</param>
public sealed record FlowConnection(string Source, string SourcePort, string Target, string TargetPort = "In", JsonArray? Vertices = null)
{
    /// <summary>Every other property of the connection object, kept as read; null when there is none.</summary>
    public JsonObject? Properties { get; init; }

    /// <summary>Whether both join the same ports and carry the same vertices and properties (compared by content).</summary>
    /// <param name="other">The other connection.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FlowConnection? other) =>
        other is not null && Source == other.Source && SourcePort == other.SourcePort && Target == other.Target && TargetPort == other.TargetPort
        && JsonNode.DeepEquals(Vertices, other.Vertices) && JsonNode.DeepEquals(Properties, other.Properties);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, SourcePort, Target, TargetPort);
}
