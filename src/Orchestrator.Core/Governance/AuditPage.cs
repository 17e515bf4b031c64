namespace Orchestrator.Core.Governance;

/// <summary>A page of audit records, newest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="NextCursor">The cursor for the next (older) page, or null at the end.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, string? NextCursor);
