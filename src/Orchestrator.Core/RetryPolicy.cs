namespace Orchestrator.Core;

/// <summary>How an activity call is retried when it fails. Retries keep the call's idempotency key.</summary>
/// <remarks>The delay before retry n (n ≥ 1) is <c>FirstRetryDelay × BackoffCoefficient^(n-1)</c>, capped at <see cref="MaxRetryDelay"/>.
/// The attempt number and the time of the next attempt are stored, so a crash does not reset the count.
/// Retries are bounded: at most <see cref="MaxAttemptsLimit"/> attempts, and never less than <see cref="MinimumDelay"/>
/// between two of them, so a policy cannot turn one failing call into a flood.</remarks>
public sealed record RetryPolicy
{
    /// <summary>The most attempts a policy may allow.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>The shortest wait between two attempts; shorter delays are raised to it.</summary>
    public static TimeSpan MinimumDelay { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>No retries: one attempt.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Total attempts including the first: 1 to <see cref="MaxAttemptsLimit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range.</exception>
    public int MaxAttempts
    {
        get;
        init => field = value is >= 1 and <= MaxAttemptsLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, $"A retry policy allows 1 to {MaxAttemptsLimit} attempts; {value} is outside that range.");
    } = 3;

    /// <summary>The delay before the first retry (at least <see cref="MinimumDelay"/> is waited).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Multiplier applied to the delay after each retry; at least 1.</summary>
    public double BackoffCoefficient { get; init; } = 2.0;

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Limit for one attempt; a slower attempt is cancelled and counts as a failure (<see cref="TimeoutException"/>). Null: no limit.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>Which failures are retried; null retries every failure except <see cref="NonRetriableException"/>.</summary>
    public Func<FailureDetails, bool>? ShouldRetry { get; init; }

    /// <summary>The delay before the given retry, never less than <see cref="MinimumDelay"/>.</summary>
    /// <param name="retryNumber">1 for the first retry.</param>
    /// <returns>The delay.</returns>
    public TimeSpan DelayBefore(int retryNumber)
    {
        var coefficient = double.IsFinite(BackoffCoefficient) ? Math.Max(1.0, BackoffCoefficient) : 1.0;
        var ticks = FirstRetryDelay.Ticks * Math.Pow(coefficient, Math.Max(0, retryNumber - 1));
        var capped = Math.Min(ticks, Math.Max(MaxRetryDelay.Ticks, MinimumDelay.Ticks));
        return TimeSpan.FromTicks((long)Math.Max(capped, MinimumDelay.Ticks));
    }

    /// <summary>Null for a policy the engine can follow; otherwise what is wrong with it.</summary>
    internal string? Problem() =>
        FirstRetryDelay < TimeSpan.Zero ? $"FirstRetryDelay is {FirstRetryDelay}; it must not be negative."
        : MaxRetryDelay < TimeSpan.Zero ? $"MaxRetryDelay is {MaxRetryDelay}; it must not be negative."
        : !double.IsFinite(BackoffCoefficient) || BackoffCoefficient < 1 ? $"BackoffCoefficient is {BackoffCoefficient}; it must be a number of at least 1."
        : AttemptTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > MaxAttemptTimeout)
            ? $"AttemptTimeout is {timeout}; it must be positive and at most {MaxAttemptTimeout.TotalDays:0} days, or null for none."
        : null;

    /// <summary>The longest per-attempt timeout a timer can enforce.</summary>
    private static TimeSpan MaxAttemptTimeout { get; } = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Whether a failure of the given attempt should be retried.</summary>
    /// <param name="failure">The failure.</param>
    /// <param name="attempt">The attempt that failed (1-based).</param>
    /// <returns>True to retry.</returns>
    public bool AllowsRetry(FailureDetails failure, int attempt)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (attempt >= MaxAttempts || failure.IsNonRetriable)
        {
            return false;
        }

        return ShouldRetry?.Invoke(failure) ?? true;
    }
}
