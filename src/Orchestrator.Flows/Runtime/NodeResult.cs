using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Runtime;

/// <summary>How a node ended: the outcomes (ports) to follow, its output for the run view, and its named outputs for bindings.</summary>
internal sealed record NodeResult(IReadOnlyList<string> Outcomes, JsonNode? Output = null)
{
    public static NodeResult Done { get; } = new(["Done"]);

    /// <summary>Named outputs (<c>result</c>, <c>decision</c>, …) that output bindings assign to variables.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Tokens and cost, for model and agent nodes.</summary>
    public JsonObject? Usage { get; init; }

    /// <summary>Ends the path (End, Finish, a join still waiting).</summary>
    public static NodeResult None { get; } = new([]);

    public static NodeResult WithResult(JsonNode? result, params string[] outcomes) =>
        new(outcomes.Length == 0 ? ["Done"] : outcomes, result) { Outputs = new Dictionary<string, JsonNode?> { ["result"] = result } };
}
