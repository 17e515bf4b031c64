using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Infrastructure;

/// <summary>The engine with agents, on a real SQLite folder, its default model pointing at a scripted model server.</summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AgentTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IWorkflowClient>();
        Tasks = provider.GetRequiredService<IHumanTaskService>();
    }

    public IWorkflowClient Client { get; }

    public IHumanTaskService Tasks { get; }

    public IServiceProvider Services => _provider;

    public static async Task<AgentTestHost> StartAsync(
        string dataDir,
        ScriptedModelServer model,
        Action<OrchestratorBuilder, AgentsBuilder> register,
        IDictionary<string, string?>? settings = null,
        bool cache = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Orchestrator:Models:default:Endpoint"] = model.BaseUrl,
            ["Orchestrator:Models:default:ApiKey"] = "test-key",
            ["Orchestrator:Models:default:Model"] = "test-model",
            ["Orchestrator:Models:default:Prices:InputPerMillion"] = "2",
            ["Orchestrator:Models:default:Prices:CachedInputPerMillion"] = "0.5",
            ["Orchestrator:Models:default:Prices:OutputPerMillion"] = "8",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = dataDir);
            o.Configure(e =>
            {
                e.InstanceCacheEnabled = cache;
                e.ActivityConcurrency = 8;
            });
            register(o, o.AddAgents(configuration));
        });
        var provider = services.BuildServiceProvider();
        var host = new AgentTestHost(provider);
        await provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostedService>().StartAsync(CancellationToken.None);
        return host;
    }

    public async Task<InstanceRecord> RunAsync(string workflow, object? input, string? id = null, int timeoutSeconds = 30)
    {
        var started = await Client.StartAsync(new StartWorkflowRequest(workflow) { InputJson = OrchestratorJson.Serialize(input), InstanceId = id, StartedBy = "alice" });
        return await WaitAsync(started.InstanceId, timeoutSeconds);
    }

    public async Task<InstanceRecord> WaitAsync(string instanceId, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Client.WaitForCompletionAsync(instanceId, timeout.Token);
    }

    public async Task<HumanTask> WaitForPendingTaskAsync(int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var pending = await Tasks.QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending });
            if (pending.Count > 0)
            {
                return pending[0];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No approval task appeared.");
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostedService>().StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
