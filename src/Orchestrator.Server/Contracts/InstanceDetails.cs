using System.Text.Json;
using Orchestrator.Core;

namespace Orchestrator.Server.Contracts;

/// <summary>One instance in full: the answer of <c>GET /api/instances/{id}</c> and the <c>done</c> stream event.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Workflow">The workflow name.</param>
/// <param name="Version">The workflow version.</param>
/// <param name="Status">The runtime status.</param>
/// <param name="Input">The input, as JSON.</param>
/// <param name="Output">The output, as JSON, once completed (or the reason, once terminated).</param>
/// <param name="Error">The failure, once failed.</param>
/// <param name="CustomStatus">The custom status the workflow set, as JSON.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="StartedBy">The user who started it.</param>
/// <param name="ParentInstanceId">The parent, for a sub-workflow.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Usage">Model token use and cost of the instance and all its descendants (sub-workflows, agents).</param>
/// <param name="OwnUsage">Model token use and cost of the instance's own steps.</param>
/// <param name="WorkflowDisplayName">What people call the workflow: a flow's title, an agent run's agent, else the workflow name.</param>
internal sealed record InstanceDetails(
    string InstanceId,
    string Workflow,
    string? Version,
    InstanceStatus Status,
    JsonElement? Input,
    JsonElement? Output,
    ErrorInfo? Error,
    JsonElement? CustomStatus,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? StartedBy,
    string? ParentInstanceId,
    IReadOnlyDictionary<string, string> Tags,
    UsageInfo Usage,
    UsageInfo OwnUsage,
    string WorkflowDisplayName);
