using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Responses;

#pragma warning disable OPENAI001 // The SDK marks its Responses client for evaluation; these tests exist to exercise it.

namespace Orchestrator.Testing.Tests;

/// <summary>Responses API replies, parsed by the OpenAI SDK's <see cref="ResponsesClient"/> and by M.E.AI over it.</summary>
public sealed class ResponsesApiTests
{
    [Fact]
    public async Task CreateResponse_TextReply_ParsesOutputTextAndUsageWithCachedTokens()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Order 42 shipped on Monday.").WithUsage(input: 200, output: 8, cached: 128));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetResponsesClient();

        ResponseResult response = await client.CreateResponseAsync("gpt-test", "Where is order 42?");

        response.GetOutputText().Should().Be("Order 42 shipped on Monday.");
        response.Status.Should().Be(ResponseStatus.Completed);
        response.Model.Should().Be("gpt-test");
        response.Id.Should().StartWith("resp_");
        response.Usage.InputTokenCount.Should().Be(200);
        response.Usage.OutputTokenCount.Should().Be(8);
        response.Usage.TotalTokenCount.Should().Be(208);
        response.Usage.InputTokenDetails.CachedTokenCount.Should().Be(128);
        server.Requests.Single().Endpoint.Should().Be(ModelEndpoint.Responses);
    }

    [Fact]
    public async Task CreateResponse_ParallelToolCalls_ParsesFunctionCallItems()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCalls(("crm.lookup", new { orderId = "41" }), ("crm.lookup", new { orderId = "42" })));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetResponsesClient();

        ResponseResult response = await client.CreateResponseAsync("gpt-test", "Where are orders 41 and 42?");

        var calls = response.OutputItems.OfType<FunctionCallResponseItem>().ToList();
        calls.Should().HaveCount(2);
        calls.Select(c => c.FunctionName).Should().AllBe("crm.lookup");
        calls.Select(c => c.CallId).Should().OnlyHaveUniqueItems();
        calls[1].FunctionArguments.ToString().Should().Be("""{"orderId":"42"}""");
    }

    [Fact]
    public async Task CreateResponseStreaming_TextReply_DeltasInOrderThenCompletedWithUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const string Text = "Order 42 shipped on Monday and arrives Thursday.";
        server.Enqueue(Reply.Text(Text).WithUsage(input: 60, output: 12, cached: 40));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetResponsesClient();

        var updates = new List<StreamingResponseUpdate>();
        await foreach (var update in client.CreateResponseStreamingAsync("gpt-test", "Where is order 42?"))
        {
            updates.Add(update);
        }

        updates[0].Should().BeOfType<StreamingResponseCreatedUpdate>();
        updates.Select(u => u.SequenceNumber).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var deltas = updates.OfType<StreamingResponseOutputTextDeltaUpdate>().Select(u => u.Delta).ToList();
        deltas.Should().HaveCountGreaterThan(3);
        string.Concat(deltas).Should().Be(Text);
        updates.OfType<StreamingResponseOutputTextDoneUpdate>().Should().ContainSingle().Which.Text.Should().Be(Text);
        var completed = updates[^1].Should().BeOfType<StreamingResponseCompletedUpdate>().Subject.Response;
        completed.GetOutputText().Should().Be(Text);
        completed.Usage.InputTokenCount.Should().Be(60);
        completed.Usage.InputTokenDetails.CachedTokenCount.Should().Be(40);
    }

    [Fact]
    public async Task CreateResponseStreaming_ToolCall_ArgumentDeltasAndDoneItem()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCall("billing.refund", new { orderId = "42", amount = 12.5, reason = "arrived broken" }));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetResponsesClient();

        var arguments = new StringBuilder();
        FunctionCallResponseItem? done = null;
        await foreach (var update in client.CreateResponseStreamingAsync("gpt-test", "Refund order 42."))
        {
            switch (update)
            {
                case StreamingResponseFunctionCallArgumentsDeltaUpdate delta:
                    arguments.Append(delta.Delta);
                    break;
                case StreamingResponseOutputItemDoneUpdate { Item: FunctionCallResponseItem item }:
                    done = item;
                    break;
            }
        }

        const string Expected = """{"orderId":"42","amount":12.5,"reason":"arrived broken"}""";
        arguments.ToString().Should().Be(Expected);
        done.Should().NotBeNull();
        done!.FunctionName.Should().Be("billing.refund");
        done.FunctionArguments.ToString().Should().Be(Expected);
    }

    [Fact]
    public async Task GetResponse_ResponsesChatClient_ReturnsTextAndUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Shipped.").WithUsage(input: 30, output: 2, cached: 16));
        using var chat = server.CreateResponsesChatClient();

        var response = await chat.GetResponseAsync("Where is order 42?");

        response.Text.Should().Be("Shipped.");
        response.Usage!.InputTokenCount.Should().Be(30);
        response.Usage.CachedInputTokenCount.Should().Be(16);
    }

    [Fact]
    public async Task GetResponse_ResponsesChatClientToolCall_ReturnsFunctionCallContent()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCall("crm.lookup", new { orderId = "42" }));
        using var chat = server.CreateResponsesChatClient();

        var response = await chat.GetResponseAsync("Where is order 42?");

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("crm.lookup");
        call.Arguments!["orderId"]!.ToString().Should().Be("42");
    }

    [Fact]
    public async Task GetStreamingResponse_ResponsesChatClient_TextDeltasToolCallAndUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Let me look that up.").WithUsage(input: 40, output: 6, cached: 8));
        server.Enqueue(Reply.ToolCalls(("crm.lookup", new { orderId = "41" }), ("crm.lookup", new { orderId = "42" })));
        using var chat = server.CreateResponsesChatClient();

        var text = await chat.GetStreamingResponseAsync("Where is order 42?").ToChatResponseAsync();
        var calls = await chat.GetStreamingResponseAsync("And 41?").ToChatResponseAsync();

        text.Text.Should().Be("Let me look that up.");
        text.Usage!.InputTokenCount.Should().Be(40);
        text.Usage.CachedInputTokenCount.Should().Be(8);
        calls.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Arguments!["orderId"]!.ToString())
            .Should().Equal("41", "42");
        calls.FinishReason.Should().Be(Microsoft.Extensions.AI.ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task GetResponse_ResponsesChatClientError429_ThrowsWithStatus()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Error(429, retryAfter: TimeSpan.FromSeconds(2)));
        using var chat = server.CreateResponsesChatClient(options: Sdk.NoRetries());

        var error = (await chat.Invoking(c => c.GetResponseAsync("hi")).Should().ThrowAsync<System.ClientModel.ClientResultException>()).Which;

        error.Status.Should().Be(429);
        error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var wait).Should().BeTrue();
        wait.Should().Be("2");
    }
}
