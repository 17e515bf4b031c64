using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// The one HTTP client that HTTP tools, flow HTTP nodes and MCP servers over HTTP send through, so that the
/// <see cref="HttpEgressPolicy"/> holds for all of them: the host and port of every request are checked before it is
/// sent, every address a connection goes to is checked when it is made (and the connection goes to that checked
/// address, not to a second lookup), redirects are never followed (a 3xx is the answer), no proxy from the
/// environment is used (it would connect on the request's behalf, past the address check), and no cookies are kept
/// (the handler is shared by every flow and tool).
/// </summary>
internal static class EgressHttp
{
    public const string ClientName = "orchestrator.egress";

    /// <summary>Registers the client and the policy (from <paramref name="configuration"/>, else the host's); idempotent.</summary>
    public static void Register(IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return;
        }

        services.AddSingleton<Marker>();
        services.TryAddSingleton(sp => new HttpEgressPolicy(configuration ?? sp.GetRequiredService<IConfiguration>()));

        // Header values are never logged: some are secrets.
        services.AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<HttpEgressPolicy>()))
            .AddHttpMessageHandler(sp => new CheckHandler(sp.GetRequiredService<HttpEgressPolicy>()))
            .RedactLoggedHeaders(_ => true);
    }

    /// <summary>The egress refusal inside <paramref name="exception"/> (a connection refused by the policy arrives wrapped), if any.</summary>
    public static ToolEgressDeniedException? Denial(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ToolEgressDeniedException denied)
            {
                return denied;
            }
        }

        return null;
    }

    private static SocketsHttpHandler CreateHandler(HttpEgressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(HttpEgressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        IReadOnlyList<IPAddress> resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        SocketException? failure = null;
        foreach (var address in policy.Reachable(host, endpoint.Port, resolved))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                failure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failure!;
    }

    private sealed class Marker;

    /// <summary>Checks the host and port before anything is sent, and unwraps a refused connection.</summary>
    private sealed class CheckHandler(HttpEgressPolicy policy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            policy.EnsureAllowed(request.RequestUri ?? throw new InvalidOperationException("The request has no URI."));

            // HTTP/3 runs over QUIC, whose connections do not pass the connect callback that checks addresses.
            if (request.Version.Major >= 3)
            {
                request.Version = HttpVersion.Version20;
            }

            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (Denial(ex) is { } denied)
            {
                throw new ToolEgressDeniedException(denied.Message, ex);
            }
        }
    }
}
