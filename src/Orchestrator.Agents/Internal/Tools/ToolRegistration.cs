using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>Adds the tool registry, its sources and the tool-call step.</summary>
internal static class ToolRegistration
{
    public static ToolsBuilder AddTools(OrchestratorBuilder builder, IConfiguration configuration)
    {
        var tools = new ToolsBuilder();
        builder.Services.AddHttpClient("orchestrator-tools");
        builder.Services.AddSingleton<IToolSource>(sp => new CSharpToolSource(sp, tools));
        builder.Services.AddSingleton<IToolSource>(sp => new HttpToolSource(configuration, sp.GetRequiredService<IHttpClientFactory>()));
        builder.Services.AddSingleton<IToolSource>(sp => new McpToolSource(configuration, sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        builder.Services.AddSingleton<IToolRegistry>(sp => new ToolRegistry(sp.GetServices<IToolSource>()));
        builder.AddActivity<CallToolActivity>();
        return tools;
    }
}
