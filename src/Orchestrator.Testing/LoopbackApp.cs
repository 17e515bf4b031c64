using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Testing;

/// <summary>Starts a quiet Kestrel app on a free port of a loopback address (127.0.0.1 unless the caller names another, e.g. 127.0.0.2 or ::1).</summary>
internal static class LoopbackApp
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken = default, string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.Contains(':', StringComparison.Ordinal) ? $"http://[{address}]:0" : $"http://{address}:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, listening.TrimEnd('/') + "/");
    }
}
