using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Streaming;

/// <summary>
/// One client's live view of an instance. It subscribes to the engine's changes before it reads the snapshot, so nothing
/// committed in between is lost; what arrives twice is recognised by <see cref="HistoryOverlapFilter"/>.
/// </summary>
internal sealed class InstanceStreamSession : IAsyncDisposable
{
    private readonly IWorkflowClient _client;
    private readonly string _instanceId;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancellation;
    private readonly IAsyncEnumerator<InstanceChange> _changes;
    private Task<bool>? _pendingChange;
    private StepProjector _projector = new(null);
    private HistoryOverlapFilter _overlap = new([]);
    private int _appliedEvents;

    private InstanceStreamSession(IWorkflowClient client, string instanceId, ILogger logger, CancellationToken cancellationToken)
    {
        _client = client;
        _instanceId = instanceId;
        _logger = logger;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _changes = client.WatchAsync(instanceId, _cancellation.Token).GetAsyncEnumerator(_cancellation.Token);
    }

    /// <summary>Subscribes to the instance's changes; the first move of the enumerator is what registers the watcher.</summary>
    public static InstanceStreamSession Subscribe(IWorkflowClient client, string instanceId, ILogger logger, CancellationToken cancellationToken)
    {
        var session = new InstanceStreamSession(client, instanceId, logger, cancellationToken);
        session._pendingChange = session._changes.MoveNextAsync().AsTask();
        return session;
    }

    /// <summary>Streams the snapshot, then every change, until the instance finishes or the client goes away.</summary>
    public async Task StreamAsync(SseWriter writer, InstanceRecord instance, IReadOnlyList<HistoryEvent> history, TimeSpan keepAlive, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(history);
        var token = _cancellation.Token;
        _projector = new StepProjector(instance.StartedBy);
        _overlap = new HistoryOverlapFilter(history);
        _appliedEvents = history.Count;

        await writer.StartAsync(token);
        await writer.WriteEventAsync(StreamEvents.Status, ApiMapper.ToStatusEvent(instance.Status, instance.CustomStatus), token);
        await WriteStepsAsync(writer, _projector.Apply(history), token);
        if (instance.Status.IsTerminal())
        {
            await writer.WriteEventAsync(StreamEvents.Done, ApiMapper.ToDetails(instance, WorkflowNames.From(_client)), token);
            return;
        }

        var keepAliveDue = Task.Delay(keepAlive, time, token);
        while (_pendingChange is { } pending)
        {
            if (await Task.WhenAny(pending, keepAliveDue) == keepAliveDue)
            {
                await keepAliveDue;
                await writer.WriteCommentAsync(StreamEvents.KeepAlive, token);
                keepAliveDue = Task.Delay(keepAlive, time, token);
                continue;
            }

            _pendingChange = null;
            if (!await pending)
            {
                // The engine ends the feed when the instance finishes; report the outcome if that is why.
                await TryFinishAsync(writer, token);
                return;
            }

            if (await HandleAsync(writer, _changes.Current, token))
            {
                return;
            }

            _pendingChange = _changes.MoveNextAsync().AsTask();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancellation.CancelAsync();
        if (_pendingChange is { } pending)
        {
            // A move still in flight must finish before the enumerator may be disposed; cancellation ends it.
            await Task.WhenAny(pending);
            if (pending.IsFaulted)
            {
                _logger.LogDebug(pending.Exception, "The change feed of instance {InstanceId} ended with an error after the stream closed.", _instanceId);
            }
        }

        await _changes.DisposeAsync();
        _cancellation.Dispose();
    }

    /// <summary>Writes one change; true when the instance finished and the stream is complete.</summary>
    private async Task<bool> HandleAsync(SseWriter writer, InstanceChange change, CancellationToken token)
    {
        switch (change)
        {
            case InstanceStatusChanged status:
                await writer.WriteEventAsync(StreamEvents.Status, ApiMapper.ToStatusEvent(status.Status, status.CustomStatus), token);
                return status.Status.IsTerminal() && await TryFinishAsync(writer, token);
            case InstanceHistoryAppended { HistoryReplaced: true } replaced:
                _overlap.Close();
                await ResetAsync(writer, replaced.Events, token);
                return false;
            case InstanceHistoryAppended appended:
                if (!_overlap.IsInSnapshot(appended.Events))
                {
                    _appliedEvents += appended.Events.Count;
                    await WriteStepsAsync(writer, _projector.Apply(appended.Events), token);
                }

                return false;
            case InstanceSignal signal:
                await writer.WriteEventAsync(StreamEvents.Signal, new Contracts.SignalEvent(signal.Kind, JsonText.ToElement(signal.DataJson)), token);
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// When the instance has finished: brings the steps up to date from the stored history (the feed may end before its
    /// last batch), sends <c>done</c> and returns true. Otherwise returns false.
    /// </summary>
    private async Task<bool> TryFinishAsync(SseWriter writer, CancellationToken token)
    {
        var instance = await _client.GetInstanceAsync(_instanceId, token);
        if (instance is null || !instance.Status.IsTerminal())
        {
            return false;
        }

        var history = await _client.GetHistoryAsync(_instanceId, token);
        if (history.Count >= _appliedEvents)
        {
            await WriteStepsAsync(writer, _projector.Apply(history.Skip(_appliedEvents)), token);
            _appliedEvents = history.Count;
        }
        else
        {
            await ResetAsync(writer, history, token);
        }

        await writer.WriteEventAsync(StreamEvents.Done, ApiMapper.ToDetails(instance, WorkflowNames.From(_client)), token);
        return true;
    }

    private async Task ResetAsync(SseWriter writer, IReadOnlyList<HistoryEvent> history, CancellationToken token)
    {
        _projector.Reset();
        _appliedEvents = history.Count;
        await writer.WriteEventAsync(StreamEvents.Reset, new { }, token);
        await WriteStepsAsync(writer, _projector.Apply(history), token);
    }

    private static async Task WriteStepsAsync(SseWriter writer, IReadOnlyList<Step> steps, CancellationToken token)
    {
        foreach (var step in steps)
        {
            await writer.WriteEventAsync(StreamEvents.Step, ApiMapper.ToDto(step), token);
        }
    }
}
