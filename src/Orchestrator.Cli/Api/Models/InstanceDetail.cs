using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Cli.Api.Models;

/// <summary>
/// The body of <c>GET /api/instances/{id}</c> and the data of the stream's <c>done</c> event. <see cref="Usage"/> counts
/// the instance's descendants (sub-workflows, agents) too, <see cref="OwnUsage"/> only its own steps.
/// </summary>
internal sealed record InstanceDetail(
    string InstanceId,
    string Workflow,
    string Status,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Version = null,
    JsonElement? Input = null,
    JsonElement? Output = null,
    FailureInfo? Error = null,
    JsonElement? CustomStatus = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    string? StartedBy = null,
    string? ParentInstanceId = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    InstanceUsage? Usage = null,
    InstanceUsage? OwnUsage = null,
    string? WorkflowDisplayName = null);
