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
        var builder = WebApplication.CreateBuilder(options.ApplicationName is null
            ? new WebApplicationOptions
            {
                Args = options.Args,
                EnvironmentName = options.EnvironmentName,
                ContentRootPath = options.ContentRootPath,
                WebRootPath = options.WebRootPath,
                ApplicationName = typeof(ServerApp).Assembly.GetName().Name,
            }
            : options);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.UseDefaultUrlWhenUnset();
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
        StartupLog.Write(app.Logger, serverSettings, users);
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
