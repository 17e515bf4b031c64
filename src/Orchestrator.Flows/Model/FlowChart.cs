using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>The <c>Elsa.Flowchart</c> root of a flow: its activities, the connections between them, and its own variables.</summary>
public sealed class FlowChart
{
    /// <summary>The flowchart's id.</summary>
    public string Id { get; set; } = "flowchart";

    /// <summary>The root's type as read (<c>Elsa.Flowchart</c>).</summary>
    public string Type { get; set; } = FlowActivityTypes.Flowchart;

    /// <summary>The activities (nodes).</summary>
    public List<FlowActivity> Activities { get; } = [];

    /// <summary>The connections (edges).</summary>
    public List<FlowConnection> Connections { get; } = [];

    /// <summary>Variables declared on the flowchart itself.</summary>
    public List<FlowVariable> Variables { get; } = [];

    /// <summary>Every other property of the root object (name, metadata, customProperties, …), as read.</summary>
    public JsonObject Properties { get; } = [];

    /// <summary>The activity with an id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The activity.</returns>
    public FlowActivity? Find(string id) => Activities.Find(a => a.Id == id);
}
