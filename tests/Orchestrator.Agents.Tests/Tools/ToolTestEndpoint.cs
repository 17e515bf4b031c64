using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// A real Kestrel endpoint on a loopback address (127.0.0.1 unless the test names another, free port) standing in for
/// the system an HTTP tool calls: it records every request and answers through the test's handler, which sees the
/// request number (1 for the first).
/// </summary>
internal sealed class ToolTestEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ToolTestEndpoint(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base URL, ending in '/'.</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    public static async Task<ToolTestEndpoint> StartAsync(Func<HttpContext, int, Task> respond, string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.Contains(':', StringComparison.Ordinal) ? $"http://[{address}]:0" : $"http://{address}:0");
        var app = builder.Build();
        ToolTestEndpoint? self = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Requests.Enqueue(new RecordedHttpRequest(
                http.Request.Method,
                http.Request.Path.ToUriComponent() + http.Request.QueryString,
                body,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await respond(http, self.Requests.Count);
        });
        await app.StartAsync();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ToolTestEndpoint(app, listening.TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
