using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// The durable engine of one process: keeps running instances in memory, turns their events into committed history,
/// dispatches the resulting work, recovers after a restart and evicts idle instances.
/// </summary>
internal sealed partial class WorkflowEngine : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, InstanceRuntime> _cache = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private Task? _background;
    private readonly Lazy<WorkflowResolver> _resolver;
    private bool _started;

    public WorkflowEngine(
        IWorkflowStore store,
        WorkflowRegistry registry,
        IOptions<EngineOptions> options,
        FaultInjector faults,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        Store = store;
        Registry = registry;
        Options = options.Value;
        Faults = faults;
        Time = time;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WorkflowEngine>();
        Limits = new PayloadLimits(Options.MaxPayloadBytes);
        Pipeline = new CommitPipeline(store, Options.MaxCommitBatch, _logger);
        Journal = new InstanceJournal(Pipeline, Deliver);
        Timers = new TimerScheduler(time, Deliver);
        Changes = new InstanceChangeHub();
        TaskChanges = new HumanTaskChangeHub();
        Client = new WorkflowClient(this);
        _resolver = new Lazy<WorkflowResolver>(() => new WorkflowResolver(registry, services.GetServices<IWorkflowSource>()));
    }

    /// <summary>Finds workflows by name and version among the code workflows and the workflow sources (resolved on first use).</summary>
    public WorkflowResolver Workflows => _resolver.Value;

    public IWorkflowStore Store { get; }

    private WorkflowRegistry Registry { get; }

    public EngineOptions Options { get; }

    private FaultInjector Faults { get; }

    /// <summary>The cap on every payload that enters history.</summary>
    public PayloadLimits Limits { get; }

    public TimeProvider Time { get; }

    private CommitPipeline Pipeline { get; }

    /// <summary>The one way state changes: commits a write, then delivers the inbox messages it wrote.</summary>
    public InstanceJournal Journal { get; }

    private TimerScheduler Timers { get; }

    public InstanceChangeHub Changes { get; }

    /// <summary>Human tasks created, decided, resolved or escalated, for watchers such as the approvals stream.</summary>
    public HumanTaskChangeHub TaskChanges { get; }

    public IWorkflowClient Client { get; }

    private ActivityDispatcher? Activities { get; set; }

    /// <summary>How many instances are in memory right now.</summary>
    public int CachedInstances => _cache.Count;

    /// <summary>How many instances were loaded from history (replayed) since start.</summary>
    public long Replays => Interlocked.Read(ref _replays);

    private long _replays;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Store.InitializeAsync(cancellationToken);
        Pipeline.Start();
        _started = true;
        if (!Options.RunWorker)
        {
            return;
        }

        Activities = new ActivityDispatcher(
            Registry, _services, Journal, Faults, Time, Options.ActivityConcurrency, Limits, DeliverHere, OnAttemptFailed, _logger);
        foreach (var timer in await Store.GetPendingTimersAsync(int.MaxValue, cancellationToken))
        {
            Timers.Add(timer);
        }

        Timers.Start();
        await RecoverAsync(cancellationToken);
        _background = Task.Run(() => RunBackgroundAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        await _stopping.CancelAsync();
        if (_background is not null)
        {
            await _background;
        }

        await Timers.DisposeAsync();
        if (Activities is not null)
        {
            await Activities.DisposeAsync();
        }

        await Pipeline.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>Hands an event to an instance, loading it if needed; processing happens on the thread pool.</summary>
    public void Deliver(string instanceId, PendingEvent pending) => Enqueue(instanceId, pending, wake: false);

    /// <summary>
    /// Like <see cref="Deliver"/>, but an instance that is not running yet starts its step on the calling thread (an
    /// activity worker handing back a result) up to the step's commit, instead of waiting for another thread to pick
    /// it up: the hand-over costs more than the turn.
    /// </summary>
    private void DeliverHere(string instanceId, PendingEvent pending) => Enqueue(instanceId, pending, wake: false, here: true);

    /// <summary>Makes the engine load an instance and act on its stored work.</summary>
    public void Wake(string instanceId) => Enqueue(instanceId, null, wake: true);

    internal void Forget(string instanceId)
    {
        if (_cache.TryRemove(instanceId, out var runtime))
        {
            lock (runtime.Gate)
            {
                runtime.Evicted = true;
            }
        }
    }

    private void Enqueue(string instanceId, PendingEvent? pending, bool wake, bool here = false)
    {
        if (!Options.RunWorker)
        {
            return;
        }

        while (true)
        {
            var runtime = _cache.GetOrAdd(instanceId, static id => new InstanceRuntime(id));
            bool start;
            lock (runtime.Gate)
            {
                if (runtime.Evicted)
                {
                    continue;
                }

                if (pending is not null)
                {
                    if (pending.InboxId != 0 && !runtime.SeenInbox.Add(pending.InboxId))
                    {
                        return;
                    }

                    runtime.Mailbox.Add(pending);
                }

                runtime.WakeRequested |= wake;
                start = !runtime.Scheduled;
                runtime.Scheduled = true;
            }

            if (start && here)
            {
                _ = ProcessAsync(runtime);
            }
            else if (start)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Engine.ProcessAsync(state.Runtime), (Engine: this, Runtime: runtime), preferLocal: false);
            }

            return;
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var claimed = await Store.ClaimInstancesAsync(Options.WorkerId, now, Options.LeaseDuration, int.MaxValue, cancellationToken);
        foreach (var id in claimed)
        {
            Wake(id);
        }

        if (claimed.Count > 0)
        {
            LogRecovered(_logger, claimed.Count);
        }
    }

    private async Task RunBackgroundAsync(CancellationToken cancellationToken)
    {
        var lastPoll = Time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), Time, cancellationToken);
                EvictIdle();
                if (Time.GetElapsedTime(lastPoll) >= Options.PollInterval)
                {
                    lastPoll = Time.GetTimestamp();
                    await PollForForeignWorkAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogBackgroundError(_logger, ex);
            }
        }
    }

    /// <summary>Picks up work that is stored but not in memory (another process added it, or a load failed earlier).</summary>
    private async Task PollForForeignWorkAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var claimed = await Store.ClaimInstancesAsync(Options.WorkerId, now, Options.LeaseDuration, 1000, cancellationToken);
        foreach (var id in claimed.Where(id => !_cache.ContainsKey(id)))
        {
            Wake(id);
        }
    }

    private void EvictIdle()
    {
        var now = Time.GetTimestamp();
        foreach (var runtime in _cache.Values)
        {
            lock (runtime.Gate)
            {
                if (!runtime.IsIdle || (!runtime.Finished && Time.GetElapsedTime(runtime.LastActiveTimestamp, now) < Options.IdleTimeout))
                {
                    continue;
                }

                runtime.Evicted = true;
                runtime.Executor = null;
            }

            _cache.TryRemove(new KeyValuePair<string, InstanceRuntime>(runtime.InstanceId, runtime));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} instances with pending work")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Engine background loop failed; continuing")]
    private static partial void LogBackgroundError(ILogger logger, Exception exception);
}
