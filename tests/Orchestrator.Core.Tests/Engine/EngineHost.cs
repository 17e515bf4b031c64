using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>One engine process, in-process: the real engine on a real SQLite file in <see cref="DataDir"/>.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EngineHost(ServiceProvider provider, string dataDir)
    {
        _provider = provider;
        DataDir = dataDir;
        Engine = provider.GetRequiredService<WorkflowEngine>();
        Store = (CrashableStore)provider.GetRequiredService<IWorkflowStore>();
        Faults = provider.GetRequiredService<FaultInjector>();
    }

    public string DataDir { get; }

    public WorkflowEngine Engine { get; }

    public IWorkflowClient Client => Engine.Client;

    public CrashableStore Store { get; }

    public FaultInjector Faults { get; }

    public IServiceProvider Services => _provider;

    public static async Task<EngineHost> StartAsync(
        string dataDir, Action<OrchestratorBuilder> register, Action<EngineOptions>? options = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(logs is null ? LogLevel.Error : LogLevel.Information).AddConsole();
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = dataDir);
            o.Configure(e =>
            {
                e.IdleTimeout = TimeSpan.FromSeconds(30);
                e.ActivityConcurrency = 8;
                options?.Invoke(e);
            });
            register(o);
        });
        var sqlite = services.Last(d => d.ServiceType == typeof(IWorkflowStore));
        services.AddSingleton<IWorkflowStore>(sp => new CrashableStore((IWorkflowStore)sqlite.ImplementationFactory!(sp)));

        var provider = services.BuildServiceProvider();
        var host = new EngineHost(provider, dataDir);
        await host.Engine.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Makes the next pass of <paramref name="point"/> a crash: the store goes away and the step throws.</summary>
    public void ArmCrash(FaultPoint point, int afterHits) =>
        Faults.Arm(point, afterHits, _ =>
        {
            Store.Crash();
            throw new SimulatedCrashException();
        });

    public async Task<InstanceRecord> RunAsync(string workflow, object? input, string? id = null, int timeoutSeconds = 30)
    {
        var started = await Client.StartAsync(new StartWorkflowRequest(workflow) { InputJson = OrchestratorJson.Serialize(input), InstanceId = id });
        return await WaitAsync(started.InstanceId, timeoutSeconds);
    }

    public async Task<InstanceRecord> WaitAsync(string instanceId, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Client.WaitForCompletionAsync(instanceId, timeout.Token);
    }

    public async Task WaitForStatusAsync(string instanceId, Func<InstanceRecord, bool> condition, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var record = await Client.GetInstanceAsync(instanceId);
            if (record is not null && condition(record))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach the expected state in {timeoutSeconds}s.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Engine.StopAsync(CancellationToken.None);
        }
        catch (SimulatedCrashException)
        {
            // A crashed engine cannot flush anything; that is the point.
        }

        await _provider.DisposeAsync();
    }
}
