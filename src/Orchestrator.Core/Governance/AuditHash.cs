using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Core.Governance;

/// <summary>
/// The canonical form of an audit record and its SHA-256 hash. The form is fixed forever (records written today must
/// verify with every later build); a change would be a new version prefix, never an edit of this one.
/// </summary>
/// <remarks>
/// <para>The canonical form is the UTF-8 text <c>orchestrator-audit-v1\n</c> followed by ten fields, in this order:
/// sequence, time, instanceId, actor, onBehalfOf, action, target, outcome, details, previousHash. A null field is
/// written <c>-\n</c>; any other field as its UTF-8 byte count in decimal, a colon, the value and <c>\n</c>
/// (e.g. <c>12:user:alice\n</c>), so no value can be mistaken for a field boundary. The sequence is decimal; the time
/// is UTC as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>; details is the stored JSON text as is.</para>
/// <para>The hash is SHA-256 of those bytes as lower-case hex. The first record's previousHash is
/// <see cref="Genesis"/> (64 zeros); every later one is the hash of the record before it.</para>
/// </remarks>
public static class AuditHash
{
    /// <summary>The version line that starts every canonical form.</summary>
    public const string Version = "orchestrator-audit-v1";

    /// <summary>The previous hash of the first record: 64 zeros.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>The canonical form of a record, as text (hash its UTF-8 bytes).</summary>
    /// <param name="sequence">The record's sequence.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="previousHash">The hash of the record before.</param>
    /// <returns>The canonical text.</returns>
    public static string Canonical(long sequence, AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(previousHash);
        var text = new StringBuilder(256).Append(Version).Append('\n');
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, FormatTime(entry.Time));
        Field(text, entry.InstanceId);
        Field(text, entry.Actor);
        Field(text, entry.OnBehalfOf);
        Field(text, entry.Action);
        Field(text, entry.Target);
        Field(text, entry.Outcome);
        Field(text, entry.Details);
        Field(text, previousHash);
        return text.ToString();
    }

    /// <summary>The hash of a record: SHA-256 over its canonical form, lower-case hex.</summary>
    /// <param name="sequence">The record's sequence.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="previousHash">The hash of the record before (<see cref="Genesis"/> for the first).</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string Compute(long sequence, AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(sequence, entry, previousHash))));

    /// <summary>Whether a stored record's hash matches its content and previous hash.</summary>
    /// <param name="record">The record.</param>
    /// <returns>True when the hash is right.</returns>
    public static bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Equals(Compute(record.Sequence, record.Entry, record.PreviousHash), record.Hash, StringComparison.Ordinal);
    }

    /// <summary>The time as the canonical form writes it: UTC, seven fraction digits, <c>Z</c>.</summary>
    /// <param name="time">The time (a local time is converted; an unspecified one is taken as UTC).</param>
    /// <returns>E.g. <c>2025-01-31T12:00:00.0000000Z</c>.</returns>
    public static string FormatTime(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-\n");
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
