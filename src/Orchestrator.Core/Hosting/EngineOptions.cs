namespace Orchestrator.Core.Hosting;

/// <summary>How the engine runs in this process.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// Keep running instances in memory between steps so they continue without replay (default true).
    /// False evicts an instance after every step, so every step replays from history: slower, and a good test.
    /// </summary>
    public bool InstanceCacheEnabled { get; set; } = true;

    /// <summary>How long an instance that only waits (for an event, timer or person) stays in memory. Default 30 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many activity calls run at once. Default 64.</summary>
    public int ActivityConcurrency { get; set; } = 64;

    /// <summary>The most writes committed in one transaction (group commit). Default 1024.</summary>
    public int MaxCommitBatch { get; set; } = 1024;

    /// <summary>This worker's id for leases; defaults to machine name and process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a claim on an instance lasts before another worker may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the engine looks for work that other processes added. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest payload one history event may carry, in bytes of UTF-8 JSON: a workflow's input or output, an
    /// activity's input or result, an event's payload, a custom status. Default 1 MiB. A larger activity result fails
    /// that call (not retried), a larger output fails the instance, a larger event or start input is refused; nothing
    /// over the limit is stored. A server reads it from <c>Orchestrator:Limits:MaxPayloadBytes</c>.
    /// </summary>
    public long MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>The default of <see cref="MaxPayloadBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxPayloadBytes = 1024 * 1024;

    /// <summary>Whether the engine runs workflows in this process (false: client only).</summary>
    public bool RunWorker { get; set; } = true;
}
