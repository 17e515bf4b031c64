using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite;

namespace Orchestrator.Testing;

/// <summary>
/// The real engine, with agents, on a real SQLite file in a folder of the test's choosing, in the test's process.
/// Give it a <see cref="ScriptedModelServer"/> for the <c>default</c> model and, optionally, a fake clock (e.g.
/// <c>FakeTimeProvider</c>) to move durable timers forward. Start it again on the same folder to test restarts.
/// </summary>
/// <example><code>
/// await using var model = await ScriptedModelServer.StartAsync();
/// await using var host = await WorkflowTestHost.StartAsync(dataDir, (o, agents) => o.AddWorkflowsFrom(typeof(MyWorkflow).Assembly), model);
/// var done = await host.RunAsync("support.triage", new { customer = "ada", message = "Where is my order?" });
/// </code></example>
public sealed class WorkflowTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WorkflowTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IWorkflowClient>();
        Tasks = provider.GetRequiredService<IHumanTaskService>();
    }

    /// <summary>Starts, queries and operates instances.</summary>
    public IWorkflowClient Client { get; }

    /// <summary>Human tasks (approvals): list and decide them as a person would.</summary>
    public IHumanTaskService Tasks { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Starts the engine.</summary>
    /// <param name="dataDir">The data folder (reuse it to test a restart).</param>
    /// <param name="register">Registers workflows, activities, tools and agents.</param>
    /// <param name="model">The scripted model server for the <c>default</c> model, if the workflows call models.</param>
    /// <param name="settings">More configuration (e.g. HTTP tools, MCP servers, prices).</param>
    /// <param name="clock">The clock the engine uses (durable timers, current time); the system clock by default.</param>
    /// <param name="cache">False to replay every step from history (a stricter test).</param>
    /// <returns>The running host.</returns>
    public static async Task<WorkflowTestHost> StartAsync(
        string dataDir,
        Action<OrchestratorBuilder, AgentsBuilder> register,
        ScriptedModelServer? model = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        bool cache = true)
    {
        ArgumentNullException.ThrowIfNull(register);
        var values = new Dictionary<string, string?>();
        if (model is not null)
        {
            values["Orchestrator:Models:default:Endpoint"] = model.BaseUrl;
            values["Orchestrator:Models:default:ApiKey"] = "test-key";
            values["Orchestrator:Models:default:Model"] = "test-model";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

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
        await provider.GetRequiredService<IHostedService>().StartAsync(CancellationToken.None);
        return new WorkflowTestHost(provider);
    }

    /// <summary>Starts a workflow as <c>alice</c> and waits for it to finish.</summary>
    /// <param name="workflow">The workflow name.</param>
    /// <param name="input">The input.</param>
    /// <param name="id">The instance id.</param>
    /// <param name="timeoutSeconds">How long to wait.</param>
    /// <returns>The finished instance.</returns>
    public async Task<InstanceRecord> RunAsync(string workflow, object? input, string? id = null, int timeoutSeconds = 30)
    {
        var started = await Client.StartAsync(new StartWorkflowRequest(workflow) { InputJson = OrchestratorJson.Serialize(input), InstanceId = id, StartedBy = "alice" });
        return await WaitAsync(started.InstanceId, timeoutSeconds);
    }

    /// <summary>Waits for an instance to finish.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="timeoutSeconds">How long to wait.</param>
    /// <returns>The finished instance.</returns>
    public async Task<InstanceRecord> WaitAsync(string instanceId, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Client.WaitForCompletionAsync(instanceId, timeout.Token);
    }

    /// <summary>Waits until a pending human task exists and returns the oldest.</summary>
    /// <param name="timeoutSeconds">How long to wait.</param>
    /// <returns>The task.</returns>
    public async Task<HumanTask> WaitForPendingTaskAsync(int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var pending = await Tasks.QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending });
            if (pending.Count > 0)
            {
                return pending[^1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No pending human task appeared within {timeoutSeconds} s.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<IHostedService>().StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
