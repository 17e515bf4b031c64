using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Core.Hosting;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Signs session tickets and derives their CSRF tokens with HMAC-SHA256 under one key kept in the data folder
/// (<c>keys/session.key</c>, readable by the server's user only), so sessions survive a restart and nothing is written
/// outside the data folder.
/// </summary>
internal sealed class SessionSigner
{
    public const string KeyFileName = "session.key";
    private const int KeyBytes = 32;

    // A ticket is a short JSON object and its signature; browsers send at most 4 KB per cookie anyway.
    private const int MaxEncodedLength = 4096;

    // DateTimeOffset.FromUnixTimeMilliseconds throws past 9999-12-31.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly byte[] TicketPurpose = "orchestrator-session-ticket\n"u8.ToArray();
    private static readonly byte[] CsrfPurpose = "orchestrator-session-csrf\n"u8.ToArray();

    private readonly byte[] _key;

    public SessionSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"A session key needs at least {KeyBytes} bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The signer with the key in <paramref name="keyFolder"/>, creating the key on first use.</summary>
    public static SessionSigner FromKeyFolder(string keyFolder) => new(LoadOrCreateKey(keyFolder));

    /// <summary>The cookie value for a ticket: its JSON and its signature, each base64url.</summary>
    public string Protect(SessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(ticket.User, ticket.SessionId, new DateTimeOffset(ticket.LastSeen).ToUnixTimeMilliseconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(TicketPurpose, payload));
    }

    /// <summary>The ticket in a cookie value, or null when the value was not signed with this key or is malformed.</summary>
    public SessionTicket? Unprotect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(value.AsSpan(0, dot), out var payload) || !TryDecode(value.AsSpan(dot + 1), out var signature)
            || !CryptographicOperations.FixedTimeEquals(Sign(TicketPurpose, payload), signature))
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize<Payload>(payload);
            return read is { U.Length: > 0, S.Length: > 0, T: >= 0 and <= MaxUnixMilliseconds }
                ? new SessionTicket(read.U, read.S, DateTimeOffset.FromUnixTimeMilliseconds(read.T).UtcDateTime)
                : null;
        }
        catch (JsonException)
        {
            // Signed by this key but not a ticket this version writes: treat it as no session.
            return null;
        }
    }

    /// <summary>The CSRF token of a session: a keyed hash of its id, so it needs no storage and cannot be guessed.</summary>
    public string CsrfTokenFor(string sessionId) =>
        Base64Url.EncodeToString(Sign(CsrfPurpose, Encoding.UTF8.GetBytes(sessionId)));

    /// <summary>Whether <paramref name="token"/> is the CSRF token of the session, compared in constant time.</summary>
    public bool IsCsrfTokenValid(string sessionId, string? token) =>
        token is not null && TryDecode(token, out var given)
        && CryptographicOperations.FixedTimeEquals(Sign(CsrfPurpose, Encoding.UTF8.GetBytes(sessionId)), given);

    /// <summary>A new random session id.</summary>
    public static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    private byte[] Sign(byte[] purpose, byte[] data) => HMACSHA256.HashData(_key, (byte[])[.. purpose, .. data]);

    /// <summary>
    /// Decodes client-sent base64url without ever throwing: only the unpadded form this class writes (letters, digits,
    /// '-' and '_', at most <see cref="MaxEncodedLength"/> characters, no length of 4n+1) is a value. The framework's own
    /// checks are not enough: Base64Url.IsValid accepts padding, whitespace and '%' that TryDecodeFromChars then throws on,
    /// and TryDecodeFromChars throws, rather than returning false, on unused trailing bits that are not zero ("0a").
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || text.Length > MaxEncodedLength || text.Length % 4 == 1 || text.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        var decoded = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        try
        {
            if (!Base64Url.TryDecodeFromChars(text, decoded, out var written))
            {
                return false;
            }

            bytes = decoded[..written];
            return true;
        }
        catch (FormatException)
        {
            // Not a canonical encoding: no value this class wrote, so no value at all.
            return false;
        }
    }

    private static byte[] LoadOrCreateKey(string keyFolder)
    {
        var path = Path.Combine(keyFolder, KeyFileName);
        if (!File.Exists(path))
        {
            CreateKey(keyFolder, path);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length >= KeyBytes
            ? key
            : throw new ServerConfigurationException(
                $"The session key file '{path}' is damaged (it must hold at least {KeyBytes} random bytes as base64); delete it to create a new one, which signs everybody out.");
    }

    private static void CreateKey(string keyFolder, string path)
    {
        PrivateFiles.CreateFolder(keyFolder);
        try
        {
            using var stream = new FileStream(path, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write));
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))));
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server process on the same data folder created it first; both use that one.
        }
    }

    private sealed record Payload(string U, string S, long T);
}
