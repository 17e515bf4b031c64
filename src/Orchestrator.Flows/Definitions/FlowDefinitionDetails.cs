using System.Text.Json.Nodes;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Definitions;

/// <summary>A draft or published version with its document and its problems.</summary>
/// <param name="Record">The stored record (<see cref="FlowDefinitionRecord.Version"/> null for the draft).</param>
/// <param name="Definition">The Elsa 3 JSON object.</param>
/// <param name="Problems">Its validation problems now (tools and workflows may have changed since it was saved).</param>
public sealed record FlowDefinitionDetails(FlowDefinitionRecord Record, JsonObject Definition, IReadOnlyList<FlowProblem> Problems);
