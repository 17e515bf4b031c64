using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>Tools offered to the model, the calls it asks for (one or several at once), and their results sent back.</summary>
public sealed class ModelToolCallTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallModel_ParallelToolCalls_ComeBackAsModelToolCallsAndTheirResultsGoBack(bool stream)
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            Reply.ToolCalls(("crm_lookup", new { orderId = "A-1" }), ("billing_status", new { orderId = "A-1" })).WithUsage(input: 80, output: 20),
            Reply.Text("A-1 shipped and is paid."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.tools", stream);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        var responses = OrchestratorJson.Deserialize<ModelResponse[]>(done.Output)!;
        var calls = responses[0].Message.ToolCalls!;
        calls.Select(c => c.Name).Should().Equal("crm_lookup", "billing_status");
        calls.Select(c => c.ArgumentsJson).Should().Equal("""{"orderId":"A-1"}""", """{"orderId":"A-1"}""");
        calls.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
        responses[0].FinishReason.Should().Be("tool_calls");
        responses[0].Message.Content.Should().BeNull();
        responses[1].Message.Content.Should().Be("A-1 shipped and is paid.");

        model.Requests[0].Tools.Should().Equal("crm_lookup", "billing_status");
        var tool = model.Requests[0].Body.GetProperty("tools")[0].GetProperty("function");
        tool.GetProperty("description").GetString().Should().Be("Looks up an order.");
        tool.GetProperty("parameters").GetProperty("properties").GetProperty("orderId").GetProperty("type").GetString().Should().Be("string");

        var sentBack = model.Requests[1].Messages.EnumerateArray().ToList();
        sentBack.Select(m => m.GetProperty("role").GetString()).Should().Equal("user", "assistant", "tool", "tool");
        sentBack[1].GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Equal(calls.Select(c => c.Id));
        sentBack[2].GetProperty("tool_call_id").GetString().Should().Be(calls[0].Id);
        sentBack[3].GetProperty("tool_call_id").GetString().Should().Be(calls[1].Id);
        sentBack[3].GetRawText().Should().Contain("billing_status");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallModel_ToolArguments_AreRecordedExactlyAsTheModelWroteThem(bool stream)
    {
        const string Broken = """{"orderId": "A-1", """;
        const string Accented = """{"orderId":"Ünïcode-é", "note": "two  spaces"}""";
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.MalformedToolArguments("crm_lookup", Broken), Reply.MalformedToolArguments("crm_lookup", Accented));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.tools", stream);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        var responses = OrchestratorJson.Deserialize<ModelResponse[]>(done.Output)!;
        responses[0].Message.ToolCalls!.Single().ArgumentsJson.Should().Be(Broken, "a broken call is kept as written, so the model can be told what was wrong");
        responses[1].Message.ToolCalls!.Single().ArgumentsJson.Should().Be(Accented);
        var replayed = model.Requests[1].Messages[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString();
        JsonDocument.Parse(replayed!).RootElement.EnumerateObject().Should().BeEmpty("the provider only takes JSON arguments; the tool result explains");
    }
}
