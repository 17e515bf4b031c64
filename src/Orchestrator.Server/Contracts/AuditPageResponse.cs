namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/audit</c>: a page of records, newest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next (older) page; null on the last page.</param>
internal sealed record AuditPageResponse(IReadOnlyList<AuditItem> Items, string? NextCursor);
