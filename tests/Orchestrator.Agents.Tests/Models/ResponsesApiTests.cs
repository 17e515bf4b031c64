using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>A model configured with <c>Api = responses</c> goes through the OpenAI SDK's Responses client to the test server.</summary>
public sealed class ResponsesApiTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallModel_ResponsesApi_TextAndToolCalls(bool stream)
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("lookup", new { orderId = "A-1" }).WithUsage(50, 5, 10), ScriptedReply.Reply("All good.").WithUsage(60, 3));
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, _) => o.AddWorkflow<string, ModelResponse[]>("test.responses", async (ctx, q) =>
            {
                var tools = new[] { new ModelToolSpec("lookup", "Looks up.", System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"orderId":{"type":"string"}}}""").RootElement) };
                var first = await ctx.CallModelAsync(new ModelRequest { Messages = [ModelMessage.User(q)], Tools = tools, Stream = stream });
                var call = first.Message.ToolCalls![0];
                var second = await ctx.CallModelAsync(new ModelRequest
                {
                    Messages = [ModelMessage.User(q), first.Message, ModelMessage.Tool(call.Id, "{\"status\":\"ok\"}")],
                    Tools = tools,
                    Stream = stream,
                });
                return [first, second];
            }),
            model,
            new Dictionary<string, string?> { ["Orchestrator:Models:default:Api"] = "responses" });

        var done = await host.RunAsync("test.responses", "Check A-1");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage ?? done.Error?.ErrorMessage);
        var responses = OrchestratorJson.Deserialize<ModelResponse[]>(done.Output)!;
        responses[0].Message.ToolCalls.Should().ContainSingle().Which.Name.Should().Be("lookup");
        responses[0].Usage.Should().Be(new TokenUsage(50, 10, 5));
        responses[1].Message.Content.Should().Be("All good.");
        model.Requests.Should().OnlyContain(r => r.Path == "/v1/responses");
    }
}
