using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Cli.Api.Models;

/// <summary>One row of <c>GET /api/instances</c>; <see cref="WorkflowDisplayName"/> is what people call the workflow.</summary>
internal sealed record InstanceSummary(
    string InstanceId,
    string Workflow,
    string Status,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Version = null,
    JsonElement? CustomStatus = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    string? StartedBy = null,
    string? WorkflowDisplayName = null);
