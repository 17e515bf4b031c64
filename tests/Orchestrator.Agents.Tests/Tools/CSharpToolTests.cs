using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

public sealed class CSharpToolTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Find_CSharpTool_SchemaComesFromParametersAndDescriptions()
    {
        await using var tools = ToolHost.Create();

        var refund = (await tools.Registry.FindAsync("billing.refund"))!;

        refund.Kind.Should().Be("csharp");
        refund.Description.Should().Be("Refunds an amount.");
        var properties = refund.Parameters.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().Equal("orderId", "amount");
        properties.GetProperty("orderId").GetProperty("description").GetString().Should().Be("The order id.");
        properties.GetProperty("orderId").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("amount").GetProperty("type").GetString().Should().Be("number");
        refund.Parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("orderId", "amount");
    }

    [Fact]
    public async Task Find_BoundParameters_AreLeftOutOfTheSchema_AndDefaultsAreOptional()
    {
        await using var tools = ToolHost.Create();

        var slot = (await tools.Registry.FindAsync("calendar.next-slot"))!;

        slot.Parameters.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("attendee", "minutes", "earliestHour");
        slot.Parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("attendee", "minutes");
        (await tools.Registry.FindAsync("crm.lookup"))!.Parameters.GetRawText().Should().NotContain("context").And.NotContain("idempotency");
    }

    [Fact]
    public async Task Invoke_InstanceMethod_GetsTheIdempotencyKeyAndPrincipalPair()
    {
        await using var tools = ToolHost.Create();

        var result = await tools.InvokeAsync("crm.lookup", """{"orderId":"A-7"}""");

        JsonDocument.Parse(result).RootElement.GetProperty("orderId").GetString().Should().Be("A-7");
        tools.Ledger.Calls.Should().ContainSingle().Which.Should().Be(("crm.lookup", "inst-1:4", "support", "alice", "A-7"));
    }

    [Fact]
    public async Task Invoke_StaticMethod_ReturnsItsResultAsCamelCaseJson()
    {
        await using var tools = ToolHost.Create();

        var result = JsonDocument.Parse(await tools.InvokeAsync("calendar.next-slot", """{"attendee":"ada","minutes":30,"earliestHour":14}""")).RootElement;

        result.GetProperty("attendee").GetString().Should().Be("ada");
        result.GetProperty("minutes").GetInt32().Should().Be(30);
        result.GetProperty("start").GetDateTime().Hour.Should().Be(14);
    }

    [Fact]
    public async Task CallToolAsync_FromAWorkflow_RunsAsACheckpointedStepWithTheStepsKey()
    {
        var ledger = new ToolLedger();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, (o, agents) =>
        {
            o.Services.AddSingleton(ledger);
            agents.AddTools<OrderTools>();
            o.AddWorkflow<string, string>("test.lookup", async (ctx, orderId) =>
            {
                var order = await ctx.CallToolAsync<LookedUpOrder>("crm.lookup", new { orderId });
                return $"{order.OrderId}: {order.Status}";
            });
        });

        var done = await host.RunAsync("test.lookup", "A-1");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        OrchestratorJson.Deserialize<string>(done.Output).Should().Be("A-1: delivered damaged");
        ledger.Calls.Should().ContainSingle().Which.Should().Be(("crm.lookup", $"{done.InstanceId}:0", null, "alice", "A-1"));
        var history = (await host.Client.GetHistoryAsync(done.InstanceId)).Select(e => JsonSerializer.Serialize(e, OrchestratorJson.Options)).ToList();
        history.Should().Contain(e => e.Contains("orchestrator.tool-call", StringComparison.Ordinal), "the tool call is a step of its own in history");
    }

    [Fact]
    public async Task CallToolAsync_ToolThatThrows_FailsTheStepOnceWithItsMessage()
    {
        var ledger = new ToolLedger();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, (o, agents) =>
        {
            o.Services.AddSingleton(ledger);
            agents.AddTools<OrderTools>();
            o.AddWorkflow<string, JsonElement>("test.lookup", (ctx, orderId) => ctx.CallToolAsync("crm.lookup", new { orderId }));
        });

        var failed = await host.RunAsync("test.lookup", "missing");

        failed.Status.Should().Be(InstanceStatus.Failed);
        (failed.Error!.InnerFailure ?? failed.Error).ErrorMessage.Should().Contain("No order missing.");
        ledger.Calls.Should().ContainSingle("tools have side effects, so there are no retries unless the caller asks for them");
    }

    private sealed record LookedUpOrder(string OrderId, decimal Total, string Status);
}
