namespace Orchestrator.Core.Governance;

/// <summary>A stored audit entry with its place in the hash chain.</summary>
/// <param name="Sequence">The position in the chain: 1, 2, 3 … without gaps.</param>
/// <param name="Entry">What the record says.</param>
/// <param name="PreviousHash">The hash of the record before (all zeros for the first, see <see cref="AuditHash.Genesis"/>).</param>
/// <param name="Hash">SHA-256 over the record's canonical form (see <see cref="AuditHash"/>), lower-case hex.</param>
public sealed record AuditRecord(long Sequence, AuditEntry Entry, string PreviousHash, string Hash);
