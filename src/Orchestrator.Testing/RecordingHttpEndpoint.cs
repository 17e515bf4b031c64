using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Testing;

/// <summary>
/// A local HTTP endpoint that stands in for the system an HTTP tool calls (a billing API, a ticketing system): it records
/// every request (path, body, headers such as <c>Idempotency-Key</c>) and answers with a fixed JSON body.
/// </summary>
public sealed class RecordingHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingHttpEndpoint(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base URL, ending in '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    /// <summary>Starts an endpoint on a free loopback port; every path and method answers 200 with <paramref name="reply"/>.</summary>
    /// <param name="reply">The JSON body to answer with.</param>
    /// <returns>The running endpoint.</returns>
    public static async Task<RecordingHttpEndpoint> StartAsync(object? reply = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        RecordingHttpEndpoint? self = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Requests.Enqueue(new RecordedHttpRequest(
                http.Request.Method, http.Request.Path + http.Request.QueryString, body,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await http.Response.WriteAsJsonAsync(reply ?? new { status = "ok" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new RecordingHttpEndpoint(app, address.TrimEnd('/') + "/");
        return self;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
