namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/audit/verify</c>.</summary>
/// <param name="Ok">True when every record's hash and link to the record before match.</param>
/// <param name="Records">How many records there are.</param>
/// <param name="FirstBrokenAt">The first record that was changed, removed or moved; null when intact.</param>
/// <param name="Reason">What is wrong there; null when intact.</param>
/// <param name="LastHash">The hash of the newest record when intact, to keep elsewhere as an anchor; else null.</param>
internal sealed record AuditVerifyResponse(bool Ok, long Records, long? FirstBrokenAt, string? Reason, string? LastHash);
