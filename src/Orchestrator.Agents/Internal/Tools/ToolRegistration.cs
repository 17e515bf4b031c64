using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>Adds the tool registry, its three sources, the HTTP client of HTTP tools and the tool-call step.</summary>
internal static class ToolRegistration
{
    private const long MaxResponseBytes = 16 * 1024 * 1024;

    public static ToolsBuilder AddTools(OrchestratorBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var tools = new ToolsBuilder();
        var services = builder.Services;

        // No redirects: a redirect could lead past the egress allow-list, which is checked once, before the request.
        // Header values are never logged: some are secrets.
        services.AddHttpClient(HttpToolSource.ClientName, client => client.MaxResponseContentBufferSize = MaxResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RedactLoggedHeaders(_ => true);

        services.AddSingleton(sp => new CSharpToolSource(sp, tools));
        services.AddSingleton(sp => new HttpToolSource(configuration, sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton(sp => new McpToolSource(configuration, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<IToolRegistry>(sp => sp.GetRequiredService<ToolRegistry>());

        // The generic host runs start-up validators before any hosted service starts.
        services.AddOptions<ToolStartupCheck>().Validate<IToolRegistry>((_, registry) => registry is not null).ValidateOnStart();

        builder.AddActivity<CallToolActivity>();
        return tools;
    }
}
