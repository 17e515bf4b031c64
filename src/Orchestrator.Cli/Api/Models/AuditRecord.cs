using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>One record of the audit trail, from <c>GET /api/audit</c>.</summary>
internal sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string? OnBehalfOf = null,
    string? Target = null,
    string? Outcome = null,
    JsonElement? Details = null,
    string? PreviousHash = null,
    string? Hash = null);
