using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>
/// A designer flow: an Elsa 3 workflow definition (docs/flows.md). Properties this runtime does not use are kept in
/// <see cref="Properties"/> as read, so a document exported again carries them.
/// </summary>
public sealed class FlowDocument
{
    /// <summary>The id of this version.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The id that stays the same across versions; also the workflow name instances are started with.</summary>
    public string DefinitionId { get; set; } = string.Empty;

    /// <summary>
    /// Whether the document named no definition id and <see cref="DefinitionId"/> was derived from its name, so that it
    /// may still be changed to one no other definition has.
    /// </summary>
    internal bool DefinitionIdDerived { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>What the flow does.</summary>
    public string? Description { get; set; }

    /// <summary>The version number (1 when the document has none).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Workflow-level variables.</summary>
    public List<FlowVariable> Variables { get; } = [];

    /// <summary>The declared inputs (the run form is built from them).</summary>
    public List<FlowArgument> Inputs { get; } = [];

    /// <summary>The declared outputs.</summary>
    public List<FlowArgument> Outputs { get; } = [];

    /// <summary>The flowchart.</summary>
    public FlowChart Root { get; set; } = new();

    /// <summary>Every other top-level property, as read (<c>$schema</c>, <c>options</c>, <c>customProperties</c>, …).</summary>
    public JsonObject Properties { get; } = [];

    /// <summary>Every variable in scope: the workflow's, then the flowchart's.</summary>
    public IEnumerable<FlowVariable> AllVariables => Variables.Concat(Root.Variables);
}
