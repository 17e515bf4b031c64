using Orchestrator.Core.Replay;
namespace Orchestrator.Core.Runtime;

/// <summary>An instance held in memory: its executor (if loaded), its mailbox, and what it has in flight.</summary>
internal sealed class InstanceRuntime(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>Guards the mailbox and the scheduling flags.</summary>
    public Lock Gate { get; } = new();

    public List<PendingEvent> Mailbox { get; } = [];

    /// <summary>True while a processing loop owns the instance.</summary>
    public bool Scheduled { get; set; }

    /// <summary>True when the instance must be loaded even without events (recovery, restart).</summary>
    public bool WakeRequested { get; set; }

    /// <summary>Removed from the cache; a new runtime must be created for further events.</summary>
    public bool Evicted { get; set; }

    public WorkflowExecutor? Executor { get; set; }

    /// <summary>The instance finished; it leaves the cache at the next sweep.</summary>
    public bool Finished { get; set; }

    public string? ExecutionId { get; set; }

    /// <summary>Activity calls running in this process, by task id.</summary>
    public HashSet<int> InFlight { get; } = [];

    /// <summary>Inbox messages already taken into the mailbox, to drop duplicates.</summary>
    public HashSet<long> SeenInbox { get; } = [];

    /// <summary>Events held back while the instance is suspended.</summary>
    public List<PendingEvent> Deferred { get; } = [];

    /// <summary>Next attempt and due time per open activity, as stored.</summary>
    public Dictionary<int, (int Attempt, DateTime DueAt)> Attempts { get; } = [];

    public long LastActiveTimestamp { get; set; }

    /// <summary>Failed attempts at the current step (store unavailable), for the back-off; 0 after a step succeeds.</summary>
    public int FailedSteps { get; set; }

    /// <summary>Nothing to do and nothing held: events deferred while suspended exist only here, so they keep it in memory.</summary>
    public bool IsIdle => !Scheduled && Mailbox.Count == 0 && InFlight.Count == 0 && Deferred.Count == 0;
}
