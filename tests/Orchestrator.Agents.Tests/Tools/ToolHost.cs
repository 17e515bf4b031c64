using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Hosting;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// The services of an agent runtime (AddOrchestrator + AddAgents, as a host builds them) without starting the engine:
/// enough to call the tool registry directly with a call context of the test's choosing.
/// </summary>
internal sealed class ToolHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TestDataFolder _folder;

    private ToolHost(ServiceProvider provider, TestDataFolder folder)
    {
        _provider = provider;
        _folder = folder;
    }

    /// <summary>The registry, built on first use (as the engine's first tool call would).</summary>
    public IToolRegistry Registry => _provider.GetRequiredService<IToolRegistry>();

    public ToolLedger Ledger => _provider.GetRequiredService<ToolLedger>();

    /// <summary>A call by the agent <c>support</c> on behalf of <c>alice</c>, as step 4 of instance <c>inst-1</c>.</summary>
    public static ToolInvocationContext Call { get; } = new("inst-1:4", "inst-1", "support", "alice", CancellationToken.None);

    /// <summary>The host; with <paramref name="logs"/>, everything logged from Information up is kept there.</summary>
    public static ToolHost Create(IDictionary<string, string?>? settings = null, LogCapture? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var folder = new TestDataFolder();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(logs is null ? LogLevel.Error : LogLevel.Information);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new ToolLedger());
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = folder.Path);
            o.AddAgents(configuration).AddTools<OrderTools>().AddTools<CalendarTools>();
        });
        return new ToolHost(services.BuildServiceProvider(), folder);
    }

    public Task<string> InvokeAsync(string tool, string? argumentsJson, ToolInvocationContext? context = null) =>
        Registry.InvokeAsync(tool, argumentsJson, context ?? Call);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _folder.Dispose();
    }
}
