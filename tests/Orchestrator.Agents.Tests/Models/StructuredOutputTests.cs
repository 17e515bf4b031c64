using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary><c>CallModelAsync&lt;T&gt;</c>: a JSON schema asked of the model, its answer parsed, a broken answer repaired by further calls.</summary>
public sealed class StructuredOutputTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CallModelTyped_ValidJson_ParsesWithOneCallAndSendsTheSchema()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Json(new { label = "spam", confidence = 0.9 }));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.classify", new ClassifyInput("WIN A PRIZE"));

        OrchestratorJson.Deserialize<Verdict>(done.Output).Should().Be(new Verdict("spam", 0.9));
        model.RequestCount.Should().Be(1);
        var format = model.Requests[0].Body.GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        format.GetProperty("json_schema").GetProperty("name").GetString().Should().Be("Verdict");
        var properties = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("label", "confidence");
    }

    [Fact]
    public async Task CallModelTyped_ExplicitSchema_IsTheOneSent()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"label":{"type":"string","enum":["spam","ham"]},"confidence":{"type":"number"}},"required":["label","confidence"],"additionalProperties":false}""").RootElement;
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Json("""{"label":"ham","confidence":0.2}"""));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.classify", new ClassifyInput("Lunch at noon?", Schema: schema));

        OrchestratorJson.Deserialize<Verdict>(done.Output).Should().Be(new Verdict("ham", 0.2));
        var sent = model.Requests[0].Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        sent.GetProperty("properties").GetProperty("label").GetProperty("enum").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task CallModelTyped_MalformedThenValid_RepairsWithOneExtraCall()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("It's spam, I think"), Reply.Json("""{"label":"spam","confidence":0.9}"""));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.classify", new ClassifyInput("WIN A PRIZE"));

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        OrchestratorJson.Deserialize<Verdict>(done.Output).Should().Be(new Verdict("spam", 0.9));
        model.RequestCount.Should().Be(2);
        var repair = model.Requests[1].Messages.EnumerateArray().ToList();
        repair.Should().HaveCount(4);
        repair[2].GetProperty("role").GetString().Should().Be("assistant");
        repair[2].GetRawText().Should().Contain("It's spam, I think");
        repair[3].GetProperty("role").GetString().Should().Be("user");
        repair[3].GetRawText().Should().Contain("Your previous answer was not valid JSON for the schema").And.Contain("Reply with only JSON that matches the schema.");
        model.Requests[1].Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_schema");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task CallModelTyped_AlwaysMalformed_FailsAfterRepairAttemptsPlusOneCalls(int repairAttempts)
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Fallback = Reply.Text("still nope");
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var failed = await host.RunAsync("test.classify", new ClassifyInput("?", repairAttempts));

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.IsCausedBy(nameof(ModelOutputException)).Should().BeTrue();
        failed.Error.ErrorMessage.Should().Contain("not valid JSON for Verdict").And.Contain("Answer: still nope").And.Contain("'s' is an invalid start of a value");
        model.RequestCount.Should().Be(repairAttempts + 1);
    }

    [Fact]
    public async Task CallModelTyped_ToolCallInsteadOfJson_IsRepairedWithTheTextOnly()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.ToolCall("crm_lookup", new { orderId = "A-1" }), Reply.Json("""{"label":"ham","confidence":1}"""));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.classify", new ClassifyInput("?"));

        OrchestratorJson.Deserialize<Verdict>(done.Output).Should().Be(new Verdict("ham", 1));
        model.Requests[1].Messages.GetRawText().Should().NotContain("tool_calls").And.Contain("the answer was empty");
    }
}
