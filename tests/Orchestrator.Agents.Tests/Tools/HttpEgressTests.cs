using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// The egress boundary of HTTP tools and MCP servers over HTTP, against real loopback endpoints: only allowed hosts and
/// ports, every address connected to checked, and no redirects around it.
/// </summary>
public sealed class HttpEgressTests
{
    private const string AllowedHosts = "Orchestrator:Tools:Http:AllowedHosts";

    [Fact]
    public async Task Call_HostOutsideTheAllowList_IsRefusedBeforeAnyConnectionIsMade()
    {
        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            await using var tools = ToolHost.Create(new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Http:Endpoints:export:Url"] = $"http://127.0.0.2:{port}/upload",
                ["Orchestrator:Tools:Http:Endpoints:exfiltrate:Url"] = "http://example.invalid/upload",
            });

            (await tools.Invoking(t => t.InvokeAsync("export", """{"data":"customer list"}""")).Should().ThrowAsync<ToolEgressDeniedException>())
                .Which.Message.Should().Contain("'127.0.0.2'").And.Contain(AllowedHosts);
            await tools.Invoking(t => t.InvokeAsync("exfiltrate", "{}"))
                .Should().ThrowAsync<ToolEgressDeniedException>().WithMessage($"*'example.invalid'*{AllowedHosts}*");
            listener.Pending().Should().BeFalse("the refusal comes before a connection is attempted");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Call_AllowedHostsConfigured_ReplaceTheLoopbackDefault()
    {
        await using var endpoint = await ToolTestEndpoint.StartAsync(Ok);
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            [$"{AllowedHosts}:0"] = "billing.example.com",
            ["Orchestrator:Tools:Http:Endpoints:ping:Url"] = endpoint.BaseUrl + "ping",
        });

        await tools.Invoking(t => t.InvokeAsync("ping", "{}"))
            .Should().ThrowAsync<ToolEgressDeniedException>().WithMessage("*'127.0.0.1'*Allowed now: billing.example.com*");
        endpoint.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Call_PortOutsideTheHostsRule_IsRefusedNamingTheRuleAndTheSetting()
    {
        await using var endpoint = await ToolTestEndpoint.StartAsync(Ok);
        var port = new Uri(endpoint.BaseUrl).Port;
        var other = port == 65535 ? port - 1 : port + 1;
        await using var tools = ToolHost.Create(Ping(endpoint.BaseUrl, $"127.0.0.1:{other}"));
        await using var allowed = ToolHost.Create(Ping(endpoint.BaseUrl, $"127.0.0.1:{port}"));

        await tools.Invoking(t => t.InvokeAsync("ping", "{}")).Should().ThrowAsync<ToolEgressDeniedException>()
            .WithMessage($"The tool 'ping' may not reach http://127.0.0.1:{port}: Port {port} of '127.0.0.1'*\"127.0.0.1:{other}\" allows only port {other}*add \"127.0.0.1:{port}\" to {AllowedHosts}*");
        endpoint.Requests.Should().BeEmpty();
        await allowed.InvokeAsync("ping", "{}");
        endpoint.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Call_NameRuleForAHostThatResolvesToLoopback_IsRefusedAtConnect_UntilAnAddressRuleNamesIt()
    {
        await using var endpoint = await ToolTestEndpoint.StartAsync(Ok);
        var url = $"http://localhost:{new Uri(endpoint.BaseUrl).Port}/";
        await using var byName = ToolHost.Create(Ping(url, "localhost"));
        await using var byAddress = ToolHost.Create(Ping(url, "localhost", "127.0.0.1"));

        await byName.Invoking(t => t.InvokeAsync("ping", "{}")).Should().ThrowAsync<ToolEgressDeniedException>()
            .WithMessage($"*'localhost' resolves to 127.0.0.1*a loopback address*(\"localhost\")*add \"127.0.0.1\"*to {AllowedHosts}*");
        endpoint.Requests.Should().BeEmpty("the address is checked before the connection is made");
        await byAddress.InvokeAsync("ping", "{}");
        endpoint.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Call_Ipv6LoopbackRule_NeverReachesTheIpv4Loopback()
    {
        await using var ipv4 = await ToolTestEndpoint.StartAsync(Ok);
        await using var ipv6 = await ToolTestEndpoint.StartAsync(Ok, "::1");
        var port = new Uri(ipv4.BaseUrl).Port;
        await using var byName = ToolHost.Create(Ping($"http://localhost:{port}/", "localhost", "::1"));
        await using var byLiteral = ToolHost.Create(Ping(ipv4.BaseUrl, "::1"));
        await using var toIpv6 = ToolHost.Create(Ping(ipv6.BaseUrl, "::1"));

        // localhost may resolve to ::1 as well (then nothing listens there on this port): either way 127.0.0.1 is not used.
        (await byName.Invoking(t => t.InvokeAsync("ping", "{}")).Should().ThrowAsync<Exception>())
            .Which.Should().Match(e => e is ToolEgressDeniedException || e is ToolUnavailableException);
        await byLiteral.Invoking(t => t.InvokeAsync("ping", "{}")).Should().ThrowAsync<ToolEgressDeniedException>()
            .WithMessage("*'127.0.0.1' is outside the egress allow-list*Allowed now: ::1*");
        ipv4.Requests.Should().BeEmpty();
        await toIpv6.InvokeAsync("ping", "{}");
        ipv6.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Redirect307ToAForbiddenHost_IsNotFollowed_AndNothingReachesIt()
    {
        await using var collector = await ToolTestEndpoint.StartAsync(Ok, "127.0.0.2");
        await using var billing = await ToolTestEndpoint.StartAsync((http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            http.Response.Headers.Location = collector.BaseUrl + "collect";
            return Task.CompletedTask;
        });
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Url"] = billing.BaseUrl + "orders/{orderId}/refunds",
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Headers:Authorization"] = "Bearer billing-token",
        });

        await tools.Invoking(t => t.InvokeAsync("billing.http-refund", """{"orderId":"A-7","amount":1}"""))
            .Should().ThrowAsync<ToolCallFailedException>().WithMessage("*HTTP 307*");
        billing.Requests.Should().ContainSingle();
        collector.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task McpOverHttp_ToAHostOutsideTheAllowList_IsRefused_AndNothingReachesIt()
    {
        await using var remote = await ToolTestEndpoint.StartAsync(Ok, "127.0.0.2");
        await using var tools = ToolHost.Create(new Dictionary<string, string?> { ["Orchestrator:Tools:Mcp:remote:Url"] = remote.BaseUrl + "mcp" });

        await tools.Invoking(t => t.InvokeAsync("mcp:remote.search", "{}")).Should().ThrowAsync<ToolEgressDeniedException>()
            .WithMessage($"The MCP server 'remote' (Orchestrator:Tools:Mcp:remote:Url) may not be reached: '127.0.0.2' is outside the egress allow-list. To allow it, add \"127.0.0.2\"*to {AllowedHosts}*");
        (await tools.Registry.ListAsync()).Should().NotContain(t => t.Name.StartsWith("mcp:", StringComparison.Ordinal));
        remote.Requests.Should().BeEmpty();
    }

    private static Task Ok(HttpContext http, int _) => http.Response.WriteAsJsonAsync(new { ok = true });

    private static Dictionary<string, string?> Ping(string baseUrl, params string[] allowed)
    {
        var settings = new Dictionary<string, string?> { ["Orchestrator:Tools:Http:Endpoints:ping:Url"] = baseUrl + "ping" };
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"{AllowedHosts}:{i}"] = allowed[i];
        }

        return settings;
    }
}
