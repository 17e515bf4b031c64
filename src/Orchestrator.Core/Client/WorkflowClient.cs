using System.Runtime.CompilerServices;
using System.Text.Json;
using Orchestrator.Core.History;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Client;

/// <summary>The client of the in-process engine: writes go through the engine's journal, which wakes the instances they concern.</summary>
internal sealed class WorkflowClient(WorkflowEngine engine) : IWorkflowClient
{
    public IReadOnlyList<WorkflowDescriptor> GetWorkflows() => engine.Workflows.List();

    public async Task<StartWorkflowResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var registration = engine.Workflows.Find(request.Workflow, request.Version);
        if (registration is null)
        {
            var known = string.Join(", ", engine.Workflows.List().Select(w => $"{w.Name} (v{w.Version})"));
            throw new WorkflowNotFoundException(request.Version is null
                ? $"No workflow named '{request.Workflow}' is registered. Known workflows: {known}."
                : $"Workflow '{request.Workflow}' has no version '{request.Version}'. Known workflows: {known}.");
        }

        if (request.InstanceId is not null && Identifiers.Check(request.InstanceId, "instanceId") is { } idProblem)
        {
            throw new ArgumentException(idProblem);
        }

        var input = NormalizeJson(request.InputJson);
        engine.Limits.Check(input, $"input of workflow '{registration.Name}'");
        if (registration.CheckInput?.Invoke(input) is { } inputProblem)
        {
            throw inputProblem;
        }

        var id = request.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = new NewInstance(
            id, registration.Name, registration.Version, input, request.StartedBy, request.Tags, null,
            engine.Time.GetUtcNow().UtcDateTime, Guid.NewGuid().ToString("N"));
        var result = await engine.Journal.WriteAsync(new CreateInstanceWrite(instance));
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                return new StartWorkflowResult(id, true);
            case WriteOutcome.AlreadyExists:
                return new StartWorkflowResult(id, false);
            default:
                throw new InstanceConflictException(
                    $"Instance '{id}' already exists with a different workflow or input. Start it with the same input to get the existing instance, or choose another instanceId.");
        }
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        engine.Store.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        engine.Store.QueryInstancesAsync(query, cancellationToken);

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        _ = await RequireAsync(instanceId, cancellationToken);
        return await engine.Store.GetHistoryAsync(instanceId, cancellationToken);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, string? requestedBy = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ReservedEventException.ThrowIfReserved(eventName);
        var payload = NormalizeJson(payloadJson);
        engine.Limits.Check(payload, $"payload of the event '{eventName}'");
        var now = engine.Time.GetUtcNow().UtcDateTime;
        return EnqueueAsync(instanceId, new EventRaised(-1, now, eventName, payload, By: requestedBy), "raise an event", allowFinished: false);
    }

    public async Task SuspendAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(instanceId, cancellationToken);
        if (record.Status is not (InstanceStatus.Running or InstanceStatus.Pending))
        {
            throw new InstanceConflictException($"Instance '{instanceId}' is {record.Status}; only a Running or Pending instance can be suspended.");
        }

        await EnqueueAsync(instanceId, new ExecutionSuspended(-1, engine.Time.GetUtcNow().UtcDateTime, reason, requestedBy), "suspend", false);
    }

    public async Task ResumeAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(instanceId, cancellationToken);
        if (record.Status != InstanceStatus.Suspended)
        {
            throw new InstanceConflictException($"Instance '{instanceId}' is {record.Status}; only a Suspended instance can be resumed.");
        }

        await EnqueueAsync(instanceId, new ExecutionResumed(-1, engine.Time.GetUtcNow().UtcDateTime, reason, requestedBy), "resume", false);
    }

    public Task TerminateAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(instanceId, new ExecutionTerminated(-1, engine.Time.GetUtcNow().UtcDateTime, reason, true, requestedBy), "terminate", false);

    public async Task RestartAsync(string instanceId, string? reason = null, string? requestedBy = null, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(instanceId, cancellationToken);
        if (record.Status != InstanceStatus.Failed)
        {
            throw new InstanceConflictException($"Instance '{instanceId}' is {record.Status}; only a Failed instance can be restarted.");
        }

        // Wait (briefly) until the instance has left Failed, so a caller that looks right after sees it running again.
        var changes = engine.Changes.Subscribe(instanceId, out var unsubscribe);
        try
        {
            await EnqueueAsync(instanceId, new ExecutionRewound(-1, engine.Time.GetUtcNow().UtcDateTime, reason, requestedBy), "restart", allowFinished: true);
            if (engine.Options.RunWorker)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(5));
                await WaitForStatusChangeAsync(changes, wait.Token);
            }
        }
        finally
        {
            unsubscribe();
        }
    }

    private static async Task WaitForStatusChangeAsync(System.Threading.Channels.ChannelReader<InstanceChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in changes.ReadAllAsync(cancellationToken))
            {
                if (change is InstanceStatusChanged)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The restart is durable either way; the status catches up when the engine gets to it.
        }
    }

    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var result = await engine.Journal.WriteAsync(new PurgeWrite(instanceId));
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                throw new InstanceNotFoundException($"No instance has the id '{instanceId}'.");
            case WriteOutcome.Conflict:
                throw new InstanceConflictException($"Instance '{instanceId}' has not finished; terminate it before purging.");
            default:
                engine.Forget(instanceId);
                break;
        }
    }

    public async Task<InstanceRecord> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var changes = engine.Changes.Subscribe(instanceId, out var unsubscribe);
        try
        {
            while (true)
            {
                var record = await RequireAsync(instanceId, cancellationToken);
                if (record.Status.IsTerminal())
                {
                    return record;
                }

                // Wake on the next status change, and look again at least every few seconds in case another process owns it.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                poll.CancelAfter(TimeSpan.FromSeconds(2));
                try
                {
                    while (await changes.WaitToReadAsync(poll.Token))
                    {
                        if (changes.TryRead(out var change) && change is InstanceStatusChanged { Status: var s } && s.IsTerminal())
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Poll interval elapsed: read the stored status again.
                }
            }
        }
        finally
        {
            unsubscribe();
        }
    }

    public async IAsyncEnumerable<InstanceChange> WatchAsync(string instanceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = engine.Changes.Subscribe(instanceId, out var unsubscribe);
        try
        {
            await foreach (var change in changes.ReadAllAsync(cancellationToken))
            {
                yield return change;
                if (change is InstanceStatusChanged { Status: var s } && s.IsTerminal())
                {
                    yield break;
                }
            }
        }
        finally
        {
            unsubscribe();
        }
    }

    private async Task<InstanceRecord> RequireAsync(string instanceId, CancellationToken cancellationToken) =>
        await engine.Store.GetInstanceAsync(instanceId, cancellationToken)
            ?? throw new InstanceNotFoundException($"No instance has the id '{instanceId}'.");

    private async Task EnqueueAsync(string instanceId, HistoryEvent e, string operation, bool allowFinished)
    {
        var reason = e switch
        {
            ExecutionSuspended s => s.Reason,
            ExecutionResumed r => r.Reason,
            ExecutionTerminated t => t.Reason,
            ExecutionRewound w => w.Reason,
            _ => null,
        };
        engine.Limits.Check(reason, $"reason given to {operation}");
        var result = await engine.Journal.WriteAsync(new EnqueueWrite(instanceId, e, allowFinished));
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                throw new InstanceNotFoundException($"No instance has the id '{instanceId}'.");
            case WriteOutcome.Conflict:
                throw new InstanceConflictException($"Instance '{instanceId}' has finished; cannot {operation}.");
        }
    }

    private static string? NormalizeJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : JsonSerializer.Serialize(document.RootElement);
    }
}
