namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/approvals</c>: overdue first, then newest first.</summary>
internal sealed record ApprovalList(IReadOnlyList<ApprovalItem> Items);
