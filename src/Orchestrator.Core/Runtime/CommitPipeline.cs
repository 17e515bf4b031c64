using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// The single writer: collects writes from every instance and commits whatever has queued up in one transaction
/// (group commit), so many concurrent instances share each commit's cost.
/// </summary>
internal sealed partial class CommitPipeline(IWorkflowStore store, int maxBatch, ILogger logger) : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public void Start() => _loop = Task.Run(RunAsync);

    public Task<StoreWriteResult> WriteAsync(StoreWrite write)
    {
        var pending = new PendingWrite(write);
        if (!_channel.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The engine is shutting down; nothing was written.");
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(maxBatch);
        var writes = new List<StoreWrite>(maxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            writes.Clear();
            while (batch.Count < maxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
                writes.Add(item.Write);
            }

            await CommitAsync(batch, writes);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch, List<StoreWrite> writes)
    {
        try
        {
            var results = await store.WriteAsync(writes, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad write must not fail its neighbours: retry them one by one.
            LogBatchFailed(logger, batch.Count, ex);
            foreach (var item in batch)
            {
                await CommitOneAsync(item);
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task CommitOneAsync(PendingWrite item)
    {
        try
        {
            var results = await store.WriteAsync([item.Write], CancellationToken.None);
            item.Completion.TrySetResult(results[0]);
        }
        catch (Exception ex)
        {
            item.Completion.TrySetException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} writes failed; committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed class PendingWrite(StoreWrite write)
    {
        public StoreWrite Write { get; } = write;

        public TaskCompletionSource<StoreWriteResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
