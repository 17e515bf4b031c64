using System.Text.Json.Serialization;
using Orchestrator.Core.History;

namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/instances/{id}/history</c>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Steps">The steps, in order.</param>
internal sealed record HistoryResponse(string InstanceId, IReadOnlyList<StepDto> Steps)
{
    /// <summary>The raw history events, only with <c>?events=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HistoryEvent>? Events { get; init; }
}
