using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Workflows;

namespace Orchestrator.Bench;

/// <summary>
/// The engine as the server runs it (SQLite in a data folder, the samples registered), in this process, plus whatever
/// a workload registers (<see cref="AddAgents"/> for the agent runtime with the bench tool).
/// </summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchEngine(ServiceProvider provider, string dataDir)
    {
        _provider = provider;
        DataDir = dataDir;
        Engine = provider.GetRequiredService<WorkflowEngine>();
    }

    public string DataDir { get; }

    public WorkflowEngine Engine { get; }

    public IWorkflowClient Client => Engine.Client;

    public IServiceProvider Services => _provider;

    public static async Task<BenchEngine> StartAsync(bool fullSync = false, Action<EngineOptions>? options = null, Action<OrchestratorBuilder>? register = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "orch-bench-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s =>
                {
                    s.DataDir = dataDir;
                    s.PowerLossDurability = fullSync;
                })
                .AddWorkflowsFrom(typeof(SamplesAssembly).Assembly)
                .Configure(e => options?.Invoke(e));
            register?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        var engine = new BenchEngine(provider, dataDir);
        await engine.Engine.StartAsync(CancellationToken.None);
        return engine;
    }

    public async Task<string> StartAsync(string workflow, object input) =>
        (await Client.StartAsync(new StartWorkflowRequest(workflow) { InputJson = OrchestratorJson.Serialize(input) })).InstanceId;

    public async Task<InstanceRecord> RunAsync(string workflow, object input) =>
        await Client.WaitForCompletionAsync(await StartAsync(workflow, input));

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    /// <summary>The agent runtime with no models configured and the bench tool, as the flow workloads use it.</summary>
    public static OrchestratorBuilder AddAgents(OrchestratorBuilder builder)
    {
        var configuration = new ConfigurationBuilder().Build();
        builder.Services.AddSingleton<IConfiguration>(configuration);
        builder.AddAgents(configuration).AddTools<BenchTools>();
        return builder;
    }
}
