using System.Text.Json;
using Orchestrator.Core;

namespace Orchestrator.Server.Contracts;

/// <summary>One instance in a list.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Workflow">The workflow name.</param>
/// <param name="Version">The workflow version.</param>
/// <param name="Status">The runtime status.</param>
/// <param name="CustomStatus">The custom status the workflow set, as JSON.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="StartedBy">The user who started it.</param>
/// <param name="WorkflowDisplayName">What people call the workflow: a flow's title, an agent run's agent, else the workflow name.</param>
internal sealed record InstanceSummary(
    string InstanceId,
    string Workflow,
    string? Version,
    InstanceStatus Status,
    JsonElement? CustomStatus,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? StartedBy,
    string WorkflowDisplayName);
