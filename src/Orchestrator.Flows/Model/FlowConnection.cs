using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>An edge of the flowchart: from an outcome (port) of one activity to another activity's <c>In</c> port.</summary>
/// <param name="Source">The source activity id (empty when the document names none).</param>
/// <param name="SourcePort">The outcome name, e.g. <c>Done</c>, <c>True</c>, <c>Approved</c>.</param>
/// <param name="Target">The target activity id (empty when the document names none).</param>
/// <param name="TargetPort">The target port, <c>In</c>.</param>
/// <param name="Vertices">The designer's bend points, kept as read; null when none.</param>
public sealed record FlowConnection(string Source, string SourcePort, string Target, string TargetPort = "In", JsonArray? Vertices = null)
{
    /// <summary>Every other property of the connection object, kept as read; null when there is none.</summary>
    public JsonObject? Properties { get; init; }
}
