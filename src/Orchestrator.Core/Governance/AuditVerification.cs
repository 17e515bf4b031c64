namespace Orchestrator.Core.Governance;

/// <summary>The result of checking the whole hash chain.</summary>
/// <param name="Ok">True when every record's hash and link match.</param>
/// <param name="Records">How many records were checked.</param>
/// <param name="FirstBrokenAt">The first sequence whose record was changed, removed or moved; null when intact.</param>
/// <param name="Reason">What is wrong at <paramref name="FirstBrokenAt"/>; null when intact.</param>
/// <param name="LastHash">The hash of the last record (the chain's head), to keep elsewhere as an anchor; null when empty.</param>
public sealed record AuditVerification(bool Ok, long Records, long? FirstBrokenAt, string? Reason, string? LastHash);
