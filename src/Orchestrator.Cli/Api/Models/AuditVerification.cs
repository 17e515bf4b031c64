namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/audit/verify</c>: whether the hash chain holds, and where it breaks if not.</summary>
internal sealed record AuditVerification(bool Ok, long Records, long? FirstBrokenAt = null, string? Reason = null);
