using System.Security.Cryptography;
using System.Text;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Limits credential guessing, for passwords and API keys alike (at sign-in and as bearer keys): within
/// <see cref="ClientLimits.CredentialFailureWindow"/>, one client address may fail
/// <see cref="ClientLimits.CredentialFailuresPerAddress"/> checks, and one user name or one API key
/// <see cref="ClientLimits.CredentialFailuresPerUser"/>; past that, attempts are refused without checking anything until
/// the window has passed.
/// </summary>
/// <remarks>
/// An attempt is counted before its credentials are checked (<see cref="TryBegin"/> reserves it atomically), so
/// concurrent requests cannot all slip in under the limit while the expensive password hash runs; an attempt that
/// succeeds gives its reservation back and clears its user's failures.
/// </remarks>
internal sealed class CredentialThrottle(ClientLimits limits)
{
    // Bounds memory under a flood of distinct names, keys or addresses; entries past their window are dropped first.
    internal const int MaxEntries = 100_000;

    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Reserves one attempt from <paramref name="address"/> for <paramref name="user"/> (a user name) or
    /// <paramref name="apiKey"/> (a presented key, kept only as a short hash). Returns null and the time to wait when
    /// any of them is out of attempts; then nothing is reserved.
    /// </summary>
    public CredentialAttempt? TryBegin(string address, string? user, string? apiKey, DateTime now, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(address);
        var keys = new List<(string Key, int Max)> { ("address:" + address, limits.CredentialFailuresPerAddress) };
        if (user is not null)
        {
            keys.Add((UserKey(user), limits.CredentialFailuresPerUser));
        }

        if (apiKey is not null)
        {
            keys.Add(("key:" + Fingerprint(apiKey), limits.CredentialFailuresPerUser));
        }

        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            foreach (var (key, max) in keys)
            {
                if (_counters.TryGetValue(key, out var counter) && counter.WindowStart + limits.CredentialFailureWindow > now && counter.Count >= max)
                {
                    var wait = counter.WindowStart + limits.CredentialFailureWindow - now;
                    retryAfter = wait > retryAfter ? wait : retryAfter;
                }
            }

            if (retryAfter > TimeSpan.Zero || !HasRoomFor(keys.Count, now, ref retryAfter))
            {
                return null;
            }

            foreach (var (key, _) in keys)
            {
                _counters[key] = _counters.TryGetValue(key, out var counter) && counter.WindowStart + limits.CredentialFailureWindow > now
                    ? counter with { Count = counter.Count + 1 }
                    : new Counter(1, now);
            }
        }

        return new CredentialAttempt(this, [.. keys.Select(k => k.Key)], user is null ? null : UserKey(user));
    }

    /// <summary>A short, non-reversible name for an API key, for counting its failures without keeping it.</summary>
    internal static string Fingerprint(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)).AsSpan(0, 8));

    private static string UserKey(string user) => "user:" + user.ToLowerInvariant();

    /// <summary>Drops expired entries when the table is full; when it is still full, refuses (fail closed) until one expires.</summary>
    private bool HasRoomFor(int count, DateTime now, ref TimeSpan retryAfter)
    {
        if (_counters.Count + count <= MaxEntries)
        {
            return true;
        }

        foreach (var stale in _counters.Where(c => c.Value.WindowStart + limits.CredentialFailureWindow <= now).Select(c => c.Key).ToList())
        {
            _counters.Remove(stale);
        }

        if (_counters.Count + count <= MaxEntries)
        {
            return true;
        }

        retryAfter = _counters.Values.Min(c => c.WindowStart) + limits.CredentialFailureWindow - now;
        return false;
    }

    private void GiveBack(IReadOnlyList<string> keys, string? userKey)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (key == userKey)
                {
                    _counters.Remove(key);
                }
                else if (_counters.TryGetValue(key, out var counter))
                {
                    _counters[key] = counter with { Count = Math.Max(0, counter.Count - 1) };
                }
            }
        }
    }

    private sealed record Counter(int Count, DateTime WindowStart);

    /// <summary>One reserved attempt: it stays counted as a failure unless <see cref="Succeeded"/> gives it back.</summary>
    internal sealed class CredentialAttempt(CredentialThrottle throttle, IReadOnlyList<string> keys, string? userKey)
    {
        private int _ended;

        /// <summary>The credentials were valid: the attempt is not a failure, and the user's earlier failures are forgiven.</summary>
        public void Succeeded()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                throttle.GiveBack(keys, userKey);
            }
        }

        /// <summary>The credentials were wrong: the reservation stays, as a failure.</summary>
        public void Failed() => Interlocked.Exchange(ref _ended, 1);
    }
}
