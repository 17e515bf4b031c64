using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Elsa;
using Orchestrator.Testing;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>
/// The refund-flow sample (workflows/refund-flow.json) counts a refund as sent only when the payments service confirms
/// it; before, a 401 from the service still ended with <c>refunded: true</c>.
/// </summary>
public sealed class RefundSampleTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_PaymentsServiceAnswers401_ReportsTheRefundAsNotSent()
    {
        await using var payments = await RecordingHttpEndpoint.StartAsync(new { error = "invalid api key" }, status: 401);

        var done = await RunSampleAsync(payments);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var output = JsonNode.Parse(done.Output!)!;
        output["refunded"]!.GetValue<bool>().Should().BeFalse();
        output["error"]!.GetValue<string>().Should().Contain("401");
        payments.Requests.Should().ContainSingle();
        var nodes = JsonNode.Parse(done.CustomStatus!)!["flow"]!["nodes"]!;
        nodes["notify"].Should().BeNull("the customer is not told the refund was sent");
        nodes["notify-failed"]!["output"]!.GetValue<string>().Should().Contain("could not be sent").And.Contain("401");
    }

    [Fact]
    public async Task RunAsync_PaymentsServiceConfirms_ReportsTheRefundAsSent()
    {
        await using var payments = await RecordingHttpEndpoint.StartAsync(new { id = "r-1" });

        var done = await RunSampleAsync(payments);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var output = JsonNode.Parse(done.Output!)!;
        output["refunded"]!.GetValue<bool>().Should().BeTrue();
        output["error"].Should().BeNull();
    }

    private async Task<InstanceRecord> RunSampleAsync(RecordingHttpEndpoint payments)
    {
        var sample = ElsaJson.Read(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "refund-flow.json")));
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Json(new { category = "damaged", summary = "The parcel arrived broken.", suspicious = false }));
        await using var host = await FlowHost.StartAsync(_folder.Path, [sample], model);
        return await host.RunAsync("refund-flow", new { customer = "ada", amount = 40, reason = "broken", refundUrl = payments.BaseUrl + "refunds" });
    }
}
