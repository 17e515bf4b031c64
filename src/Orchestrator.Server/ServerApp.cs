using Orchestrator.Core;
using Orchestrator.Server.Audit;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;
using Orchestrator.Server.Endpoints;
using Orchestrator.Server.Http;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server;

/// <summary>Composes the server: configuration, engine, auth, problem details, endpoints. Program.cs and the tests both start here.</summary>
internal static class ServerApp
{
    /// <summary>Builds the server from command-line arguments.</summary>
    public static WebApplication Create(string[] args) => Create(new WebApplicationOptions { Args = args });

    /// <summary>
    /// Builds the server. <paramref name="settings"/> override every other configuration source (tests use them for a
    /// temporary data folder, users and port 0). Invalid configuration fails here with a message naming the key.
    /// </summary>
    public static WebApplication Create(WebApplicationOptions options, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = HostEnvironment.Resolve(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            EnvironmentName = environment.EnvironmentName,
            ContentRootPath = environment.ContentRootPath,
            WebRootPath = options.WebRootPath,
            ApplicationName = options.ApplicationName ?? typeof(ServerApp).Assembly.GetName().Name,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.UseDefaultUrlWhenUnset();
        var sampleMcpServer = SampleMcpServer.IsDefault(builder.Configuration);
        SampleMcpServer.AddWhenUnset(builder.Configuration);
        var serverSettings = ServerSettings.Read(builder.Configuration);
        var users = UserDirectory.FromConfiguration(builder.Configuration, builder.Environment.IsDevelopment());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = serverSettings.MaxRequestBytes;
            kestrel.UseRejectionProblems();
        });
        builder.Services
            .AddSingleton(serverSettings)
            .AddOrchestratorEngine(builder.Configuration, serverSettings)
            .AddApiAuth(users)
            .AddAuditTrail()
            .AddApiProblems(serverSettings)
            .AddApiJson()
            .AddApiReference();

        var app = builder.Build();
        StartupLog.Write(app.Logger, new StartupFacts(app.Environment.EnvironmentName, environment.Source, sampleMcpServer), serverSettings, users);
        if (serverSettings.Fault is { } fault)
        {
            FaultArming.Arm(app.Services.GetRequiredService<FaultInjector>(), fault);
        }

        app.UseSecurityHeaders();
        app.UseApiProblems();
        app.UseStaticUi(app.Environment);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuditTrail();
        app.UseCsrfProtection();
        app.UseAuthorization();
        app.MapApi();
        app.MapApiReference();
        return app;
    }
}
