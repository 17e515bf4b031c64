using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The keyset position after the last instance of a page: its creation ticks and id, as base64url of
/// <c>"ticks|id"</c>. Opaque to callers; stable across restarts.
/// </summary>
internal readonly record struct InstanceCursor(long CreatedAtTicks, string InstanceId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            CreatedAtTicks.ToString(CultureInfo.InvariantCulture) + "|" + InstanceId));

    /// <summary>Decodes a cursor from a previous page.</summary>
    /// <exception cref="ArgumentException">The text is not a cursor this store produced.</exception>
    public static InstanceCursor Decode(string cursor, string paramName)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException ex)
        {
            throw Malformed(paramName, ex);
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == text.Length - 1
            || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks)
        {
            throw Malformed(paramName, null);
        }

        return new InstanceCursor(ticks, text[(bar + 1)..]);
    }

    private static ArgumentException Malformed(string paramName, Exception? inner) =>
        new("The paging cursor is malformed; pass the NextCursor of a previous page unchanged, or null for the first page.", paramName, inner);
}
