using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Internal;
using Orchestrator.Storage.Sqlite;

namespace Orchestrator.Bench;

/// <summary>
/// The engine the flow benchmarks run on: SQLite in a temporary data folder, the agent runtime with the bench tool,
/// and whatever else the benchmark registers; started, and removed with its folder when disposed.
/// </summary>
internal sealed class FlowBenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _dataDir;

    private FlowBenchHost(ServiceProvider provider, string dataDir)
    {
        _provider = provider;
        _dataDir = dataDir;
        Engine = provider.GetRequiredService<WorkflowEngine>();
    }

    public WorkflowEngine Engine { get; }

    public IServiceProvider Services => _provider;

    public static async Task<FlowBenchHost> StartAsync(Action<OrchestratorBuilder> configure)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "orch-bench-flow-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = dataDir);
            o.AddAgents(new ConfigurationBuilder().Build()).AddTools<BenchTools>();
            configure(o);
        });
        var host = new FlowBenchHost(services.BuildServiceProvider(), dataDir);
        await host.Engine.StartAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
