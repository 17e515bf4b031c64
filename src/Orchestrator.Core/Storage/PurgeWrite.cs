namespace Orchestrator.Core.Storage;

/// <summary>Deletes a finished instance with its history and queues. Unknown: NotFound; not finished: Conflict.</summary>
/// <param name="InstanceId">The instance.</param>
public sealed record PurgeWrite(string InstanceId) : StoreWrite;
