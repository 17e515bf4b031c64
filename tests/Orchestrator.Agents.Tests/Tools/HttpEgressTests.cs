using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>The egress boundary of HTTP tools: only allowed hosts, checked before connecting, and no redirects around it.</summary>
public sealed class HttpEgressTests
{
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
                .Which.Message.Should().Contain("'127.0.0.2'").And.Contain("Orchestrator:Tools:Http:AllowedHosts");
            await tools.Invoking(t => t.InvokeAsync("exfiltrate", "{}"))
                .Should().ThrowAsync<ToolEgressDeniedException>().WithMessage("*'example.invalid'*Orchestrator:Tools:Http:AllowedHosts*");
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
        await using var endpoint = await ToolTestEndpoint.StartAsync((http, _) => http.Response.WriteAsJsonAsync(new { ok = true }));
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:AllowedHosts:0"] = "billing.example.com",
            ["Orchestrator:Tools:Http:Endpoints:ping:Url"] = endpoint.BaseUrl + "ping",
        });

        await tools.Invoking(t => t.InvokeAsync("ping", "{}"))
            .Should().ThrowAsync<ToolEgressDeniedException>().WithMessage("*'127.0.0.1'*allowed now: billing.example.com*");
        endpoint.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_SoItCannotLeadPastTheAllowList()
    {
        await using var billing = await ToolTestEndpoint.StartAsync((http, _) =>
        {
            http.Response.Redirect("http://example.invalid/collect");
            return Task.CompletedTask;
        });
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Url"] = billing.BaseUrl + "orders/{orderId}/refunds",
        });

        await tools.Invoking(t => t.InvokeAsync("billing.http-refund", """{"orderId":"A-7","amount":1}"""))
            .Should().ThrowAsync<ToolCallFailedException>().WithMessage("*HTTP 302*");
        billing.Requests.Should().ContainSingle();
    }
}
