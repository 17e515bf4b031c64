using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>Adds the tool registry, its three sources, the egress HTTP client of HTTP and MCP tools and the tool-call step.</summary>
internal static class ToolRegistration
{
    public static ToolsBuilder AddTools(OrchestratorBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var tools = new ToolsBuilder();
        var services = builder.Services;

        EgressHttp.Register(services, configuration);
        services.AddSingleton(sp => new CSharpToolSource(sp, tools));
        services.AddSingleton(sp => new HttpToolSource(configuration, sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton(sp => new McpToolSource(
            configuration, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<IToolRegistry>(sp => sp.GetRequiredService<ToolRegistry>());

        // The generic host runs start-up validators before any hosted service starts.
        services.AddOptions<ToolStartupCheck>()
            .Validate<IToolRegistry, HttpEgressPolicy>((_, registry, egress) => registry is not null && egress is not null)
            .ValidateOnStart();

        builder.AddActivity<CallToolActivity>();
        return tools;
    }
}
