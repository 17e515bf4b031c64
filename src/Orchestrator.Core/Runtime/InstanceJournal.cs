using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// The one way state changes: a write is committed through the store (by the group-committing pipeline), and then
/// exactly the inbox messages the store reports it wrote (<see cref="StoreWriteResult.Enqueued"/>) are delivered to
/// their instances, with their ids. Steps, timers' and activities' results, events and operations from the API,
/// decisions, sub-workflow starts and results, restarts: everything that wakes an instance comes in through here, so
/// nothing is delivered that is not durable and nothing durable is left undelivered while the process runs.
/// </summary>
internal sealed class InstanceJournal(CommitPipeline pipeline, Action<string, PendingEvent> deliver)
{
    public async Task<StoreWriteResult> WriteAsync(StoreWrite write)
    {
        var result = await pipeline.WriteAsync(write);
        foreach (var message in result.Enqueued)
        {
            deliver(message.InstanceId, new PendingEvent(message.Event, message.Id));
        }

        return result;
    }
}
