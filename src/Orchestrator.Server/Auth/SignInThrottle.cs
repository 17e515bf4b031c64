using System.Collections.Concurrent;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Limits password and key guessing: after <see cref="MaxFailuresPerUser"/> failed sign-ins for one user name, or
/// <see cref="MaxFailuresPerAddress"/> from one client address, within <see cref="Window"/>, further attempts are refused
/// without checking the credentials until the window has passed. A successful sign-in clears the user's count.
/// </summary>
internal sealed class SignInThrottle
{
    public const int MaxFailuresPerUser = 5;
    public const int MaxFailuresPerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounds memory under a flood of distinct names; entries past their window are dropped first.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? user, string address, DateTime now)
    {
        var wait = Wait(AddressKey(address), MaxFailuresPerAddress, now);
        if (user is not null && Wait(UserKey(user), MaxFailuresPerUser, now) is { } userWait && (wait is null || userWait > wait))
        {
            wait = userWait;
        }

        return wait;
    }

    /// <summary>Counts a failed sign-in against the user name (when one was given) and the address.</summary>
    public void RecordFailure(string? user, string address, DateTime now)
    {
        if (_counters.Count >= MaxEntries)
        {
            foreach (var stale in _counters.Where(c => c.Value.WindowStart + Window <= now).Select(c => c.Key).ToList())
            {
                _counters.TryRemove(stale, out _);
            }
        }

        Count(AddressKey(address), now);
        if (user is not null)
        {
            Count(UserKey(user), now);
        }
    }

    /// <summary>Clears the user's failures after a successful sign-in.</summary>
    public void RecordSuccess(string user) => _counters.TryRemove(UserKey(user), out _);

    private TimeSpan? Wait(string key, int max, DateTime now) =>
        _counters.TryGetValue(key, out var counter) && counter.Failures >= max && counter.WindowStart + Window > now
            ? counter.WindowStart + Window - now
            : null;

    private void Count(string key, DateTime now) =>
        _counters.AddOrUpdate(
            key,
            _ => new Counter(1, now),
            (_, c) => c.WindowStart + Window <= now ? new Counter(1, now) : c with { Failures = c.Failures + 1 });

    private static string UserKey(string user) => "user:" + user.ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;

    private sealed record Counter(int Failures, DateTime WindowStart);
}
