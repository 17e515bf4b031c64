using System.Globalization;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Server.Auth;

/// <summary>
/// The sessions signed out before they expired, kept until they would have expired anyway, in memory and in
/// <c>keys/signed-out-sessions</c> so a copied cookie stays dead after a restart.
/// </summary>
internal sealed class SessionRevocations
{
    public const string FileName = "signed-out-sessions";

    private readonly Dictionary<string, DateTime> _until = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly Lock _gate = new();

    private SessionRevocations(string path) => _path = path;

    /// <summary>Loads the list from <paramref name="keyFolder"/>, dropping entries that have expired.</summary>
    public static SessionRevocations Load(string keyFolder, DateTime now)
    {
        var revocations = new SessionRevocations(Path.Combine(keyFolder, FileName));
        if (File.Exists(revocations._path))
        {
            foreach (var line in File.ReadLines(revocations._path))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
                    && DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime > now)
                {
                    revocations._until[parts[0]] = DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
                }
            }

            revocations.Rewrite();
        }

        return revocations;
    }

    /// <summary>Whether the session was signed out.</summary>
    public bool IsRevoked(string sessionId)
    {
        lock (_gate)
        {
            return _until.ContainsKey(sessionId);
        }
    }

    /// <summary>Ends a session for good; <paramref name="until"/> is the latest time it could still have been valid.</summary>
    public void Revoke(string sessionId, DateTime until, DateTime now)
    {
        lock (_gate)
        {
            _until[sessionId] = until;
            foreach (var expired in _until.Where(e => e.Value <= now).Select(e => e.Key).ToList())
            {
                _until.Remove(expired);
            }

            Rewrite();
        }
    }

    private void Rewrite()
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.Delete(temporary);
        using (var writer = new StreamWriter(new FileStream(temporary, PrivateFiles.Options(FileMode.Create, FileAccess.Write))))
        {
            foreach (var (sessionId, until) in _until)
            {
                writer.WriteLine(sessionId + " " + new DateTimeOffset(until).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
