using System.Text;
using System.Text.Json;
using OpenAI.Chat;

namespace Orchestrator.Testing.Tests;

/// <summary>Chat Completions replies, parsed by the official OpenAI SDK's <see cref="ChatClient"/>.</summary>
public sealed class ChatCompletionsSdkTests
{
    private static readonly ChatMessage[] Question = [new SystemChatMessage("You help with orders."), new UserChatMessage("Where is order 42?")];

    [Fact]
    public async Task CompleteChat_TextReply_ParsesTextUsageAndCachedTokens()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Order 42 shipped on Monday.").WithUsage(input: 120, output: 9, cached: 64));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.Content.Should().ContainSingle().Which.Text.Should().Be("Order 42 shipped on Monday.");
        completion.FinishReason.Should().Be(ChatFinishReason.Stop);
        completion.Role.Should().Be(ChatMessageRole.Assistant);
        completion.Model.Should().Be("gpt-test");
        completion.Id.Should().NotBeNullOrEmpty();
        completion.Usage.InputTokenCount.Should().Be(120);
        completion.Usage.OutputTokenCount.Should().Be(9);
        completion.Usage.TotalTokenCount.Should().Be(129);
        completion.Usage.InputTokenDetails.CachedTokenCount.Should().Be(64);
    }

    [Fact]
    public async Task CompleteChat_NoUsageScripted_EstimatesUsageFromLengths()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text(new string('x', 400)));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.Usage.OutputTokenCount.Should().Be(100, "about four characters a token");
        completion.Usage.InputTokenCount.Should().BePositive();
        completion.Usage.InputTokenDetails.CachedTokenCount.Should().Be(0);
    }

    [Fact]
    public async Task CompleteChat_ToolCallReply_ParsesIdNameAndArguments()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCall("crm.lookup", new { orderId = "42" }));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        var call = completion.ToolCalls.Should().ContainSingle().Subject;
        call.Id.Should().NotBeNullOrEmpty();
        call.Kind.Should().Be(ChatToolCallKind.Function);
        call.FunctionName.Should().Be("crm.lookup");
        call.FunctionArguments.ToString().Should().Be("""{"orderId":"42"}""");
    }

    [Fact]
    public async Task CompleteChat_ParallelToolCalls_ParsesEveryCallWithDistinctIds()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCalls(("crm.lookup", new { orderId = "41" }), ("billing.balance", new { customer = "ada" })));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.ToolCalls.Select(c => c.FunctionName).Should().Equal("crm.lookup", "billing.balance");
        completion.ToolCalls.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        completion.ToolCalls[1].FunctionArguments.ToString().Should().Be("""{"customer":"ada"}""");
    }

    [Fact]
    public async Task CompleteChatStreaming_TextReply_DeltasArriveInOrderThenUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const string Text = "Order 42 shipped on Monday and arrives Thursday.";
        server.Enqueue(Reply.Text(Text).WithUsage(input: 50, output: 11, cached: 20));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        var deltas = new List<string>();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync(Question))
        {
            deltas.AddRange(update.ContentUpdate.Select(part => part.Text).Where(text => text.Length > 0));
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        deltas.Should().HaveCountGreaterThan(3, "the text streams word by word");
        string.Concat(deltas).Should().Be(Text);
        finish.Should().Be(ChatFinishReason.Stop);
        usage.Should().NotBeNull("the SDK asks for stream_options.include_usage");
        usage!.InputTokenCount.Should().Be(50);
        usage.OutputTokenCount.Should().Be(11);
        usage.InputTokenDetails.CachedTokenCount.Should().Be(20);
        server.Requests.Single().IncludeUsage.Should().BeTrue();
    }

    [Fact]
    public async Task CompleteChatStreaming_ToolCalls_ArgumentDeltasReassembleByIndex()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCalls(
            ("crm.lookup", new { orderId = "42", note = "fragile – handle with care 📦" }),
            ("billing.refund", new { orderId = "42", amount = 12.5 })));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        var ids = new Dictionary<int, string>();
        var names = new Dictionary<int, string>();
        var arguments = new Dictionary<int, StringBuilder>();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync(Question))
        {
            finish ??= update.FinishReason;
            foreach (var call in update.ToolCallUpdates)
            {
                if (call.ToolCallId is not null)
                {
                    ids[call.Index] = call.ToolCallId;
                    names[call.Index] = call.FunctionName;
                }

                var builder = arguments.TryGetValue(call.Index, out var existing) ? existing : arguments[call.Index] = new StringBuilder();
                builder.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        finish.Should().Be(ChatFinishReason.ToolCalls);
        names.Should().Equal(new Dictionary<int, string> { [0] = "crm.lookup", [1] = "billing.refund" });
        ids.Values.Should().OnlyHaveUniqueItems();
        using var first = JsonDocument.Parse(arguments[0].ToString());
        first.RootElement.GetProperty("orderId").GetString().Should().Be("42");
        first.RootElement.GetProperty("note").GetString().Should().Be("fragile – handle with care 📦");
        arguments[1].ToString().Should().Be("""{"orderId":"42","amount":12.5}""");
    }

    [Fact]
    public async Task CompleteChat_ReplyWithModel_ReportsScriptedModel()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("hi").WithModel("gpt-4o-2024-08-06"));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-4o");

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.Model.Should().Be("gpt-4o-2024-08-06");
    }
}
