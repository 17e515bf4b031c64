using System.Text.Json.Serialization;

namespace Orchestrator.Cli.Api.Models;

/// <summary>One runnable workflow from <c>GET /api/workflows</c>; <see cref="DisplayName"/> is what people call it (a flow's title).</summary>
internal sealed record WorkflowInfo(
    string Name,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Version = null,
    string? Kind = null,
    string? Description = null,
    string? DisplayName = null);
