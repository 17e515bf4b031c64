namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/audit</c>: newest first, with a cursor when older records remain.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditRecord> Items, string? NextCursor = null);
