using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Orchestrator.Testing.Tests;

/// <summary>Chat Completions replies, read through Microsoft.Extensions.AI's <see cref="IChatClient"/> over the OpenAI SDK.</summary>
public sealed class ChatClientTests
{
    [Fact]
    public async Task GetResponse_TextReply_ReturnsTextAndUsageWithCachedTokens()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Order 42 shipped on Monday.").WithUsage(input: 120, output: 9, cached: 64));
        using var chat = server.CreateChatClient();

        var response = await chat.GetResponseAsync("Where is order 42?");

        response.Text.Should().Be("Order 42 shipped on Monday.");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ModelId.Should().Be("test-model");
        response.Usage!.InputTokenCount.Should().Be(120);
        response.Usage.OutputTokenCount.Should().Be(9);
        response.Usage.TotalTokenCount.Should().Be(129);
        response.Usage.CachedInputTokenCount.Should().Be(64);
    }

    [Fact]
    public async Task GetResponse_ToolCallReply_ReturnsFunctionCallContentWithArguments()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCall("crm.lookup", new { orderId = "42", express = true }));
        using var chat = server.CreateChatClient();

        var response = await chat.GetResponseAsync("Where is order 42?");

        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("crm.lookup");
        call.CallId.Should().NotBeNullOrEmpty();
        call.Arguments.Should().ContainKey("orderId").WhoseValue!.ToString().Should().Be("42");
        ((JsonElement)call.Arguments!["express"]!).GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task GetResponse_ParallelToolCalls_ReturnsTwoFunctionCallsInOneMessage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCalls(("crm.lookup", new { orderId = "41" }), ("crm.lookup", new { orderId = "42" })));
        using var chat = server.CreateChatClient();

        var response = await chat.GetResponseAsync("Where are orders 41 and 42?");

        var message = response.Messages.Should().ContainSingle().Subject;
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        calls.Should().HaveCount(2);
        calls.Select(c => c.Arguments!["orderId"]!.ToString()).Should().Equal("41", "42");
        calls.Select(c => c.CallId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task GetResponse_MalformedToolArguments_ReturnsCallWithParseError()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.MalformedToolArguments("crm.lookup", """{"orderId": """));
        using var chat = server.CreateChatClient();

        var response = await chat.GetResponseAsync("Where is order 42?");

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("crm.lookup");
        call.Exception.Should().NotBeNull("the arguments the model sent are not JSON");
    }

    [Fact]
    public async Task GetResponseOfT_JsonReply_DeserializesStructuredOutput()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Json(new Triage("refund", 0.92)));
        using var chat = server.CreateChatClient();

        var response = await chat.GetResponseAsync<Triage>("My parcel arrived broken.");

        response.Result.Should().Be(new Triage("refund", 0.92));
        server.Requests.Single().Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_schema");
    }

    [Fact]
    public async Task GetStreamingResponse_TextReply_DeltasArriveInOrderAndUsageIsReported()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const string Text = "Your refund of $12.50 is on its way.";
        server.Enqueue(Reply.Text(Text).WithUsage(input: 80, output: 10, cached: 32));
        using var chat = server.CreateChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Refund status?"))
        {
            updates.Add(update);
        }

        var deltas = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        deltas.Should().HaveCountGreaterThan(3);
        string.Concat(deltas).Should().Be(Text);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().Be(80);
        usage.OutputTokenCount.Should().Be(10);
        usage.CachedInputTokenCount.Should().Be(32);
        updates.ToChatResponse().FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task GetStreamingResponse_ToolCall_ReassemblesFunctionCallContent()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCalls(("crm.lookup", new { orderId = "42" }), ("billing.refund", new { orderId = "42", amount = 12.5 })));
        using var chat = server.CreateChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Refund order 42."))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.Name).Should().Equal("crm.lookup", "billing.refund");
        ((JsonElement)calls[1].Arguments!["amount"]!).GetDouble().Should().Be(12.5);
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    public sealed record Triage(string Category, double Confidence);
}
