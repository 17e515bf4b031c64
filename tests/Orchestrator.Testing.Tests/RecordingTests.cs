using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.AI;

namespace Orchestrator.Testing.Tests;

/// <summary>What the server records of each request, and how tests wait for requests.</summary>
public sealed class RecordingTests
{
    [Fact]
    public async Task Requests_ChatWithTools_RecordsMessagesToolsModelStreamAndHeaders()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Shipped."));
        using var chat = server.CreateChatClient("gpt-orders");
        var lookup = AIFunctionFactory.Create(([Description("The order")] string orderId) => "shipped", "crm_lookup", "Looks up an order.");

        await chat.GetResponseAsync(
            [new(ChatRole.System, "You help with orders."), new(ChatRole.User, "Where is order 42?")],
            new ChatOptions { Tools = [lookup] });

        var request = server.Requests.Should().ContainSingle().Subject;
        request.Number.Should().Be(1);
        request.Endpoint.Should().Be(ModelEndpoint.ChatCompletions);
        request.Path.Should().Be("/v1/chat/completions");
        request.Model.Should().Be("gpt-orders");
        request.Stream.Should().BeFalse();
        request.MessageCount.Should().Be(2);
        request.Messages[0].GetProperty("role").GetString().Should().Be("system");
        request.Messages[1].GetProperty("content").GetRawText().Should().Contain("Where is order 42?");
        request.Tools.Should().Equal("crm_lookup");
        request.Authorization.Should().Be("Bearer test");
        request.Headers.Should().ContainKey("content-type", "header names are case-insensitive");
        request.ToString().Should().Be("#1 POST /v1/chat/completions (gpt-orders, 2 messages)");
    }

    [Fact]
    public async Task Requests_ToolResultSentBack_RecordsTheSecondTurn()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.ToolCall("crm_lookup", new { orderId = "42" }), Reply.Text("Order 42 was delivered damaged."));
        using var chat = new ChatClientBuilder(server.CreateChatClient()).UseFunctionInvocation().Build();
        var lookup = AIFunctionFactory.Create((string orderId) => $"order {orderId}: delivered damaged", "crm_lookup");

        var response = await chat.GetResponseAsync("Where is order 42?", new ChatOptions { Tools = [lookup] });

        response.Text.Should().Be("Order 42 was delivered damaged.");
        var second = server.Requests[1];
        second.MessageCount.Should().Be(3, "the user, the assistant's tool call and the tool result");
        second.Messages[2].GetProperty("role").GetString().Should().Be("tool");
        second.Messages[2].GetProperty("content").GetRawText().Should().Contain("delivered damaged");
    }

    [Fact]
    public async Task Requests_ResponsesStreaming_RecordsInputInstructionsAndStreamFlag()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("Shipped."));
        using var chat = server.CreateResponsesChatClient("gpt-resp");

        await chat.GetStreamingResponseAsync("Where is order 42?", new ChatOptions { Instructions = "Be brief." }).ToChatResponseAsync();

        var request = server.Requests.Should().ContainSingle().Subject;
        request.Endpoint.Should().Be(ModelEndpoint.Responses);
        request.Path.Should().Be("/v1/responses");
        request.Stream.Should().BeTrue();
        request.Model.Should().Be("gpt-resp");
        request.Instructions.Should().Be("Be brief.");
        request.MessageCount.Should().Be(1);
        request.Messages.GetRawText().Should().Contain("Where is order 42?");
    }

    [Fact]
    public async Task Requests_IdempotencyKeyHeader_IsRecorded()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("ok"));
        using var http = new HttpClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(server.BaseUrl), "chat/completions"))
        {
            Content = new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Idempotency-Key", "wf-7:task-3");
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-anything");

        using var response = await http.SendAsync(post);

        response.IsSuccessStatusCode.Should().BeTrue();
        var request = server.Requests.Single();
        request.IdempotencyKey.Should().Be("wf-7:task-3");
        request.Header("idempotency-key").Should().Be("wf-7:task-3");
        request.Authorization.Should().Be("Bearer sk-anything");
        request.Header("X-Not-Sent").Should().BeNull();
    }

    [Fact]
    public async Task WaitForRequests_CallsInBackground_ReturnsOnceEnoughArrived()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("one"), Reply.Text("two"));
        using var chat = server.CreateChatClient();

        var calls = Task.Run(async () =>
        {
            await chat.GetResponseAsync("first");
            await chat.GetResponseAsync("second");
        });
        var seen = await server.WaitForRequestsAsync(2, TimeSpan.FromSeconds(10));
        await calls;

        seen.Should().HaveCount(2);
        seen.Select(r => r.Number).Should().Equal(1, 2);
        seen[1].Messages.GetRawText().Should().Contain("second");
    }

    [Fact]
    public async Task WaitForRequests_TooFewArrive_ThrowsTimeoutListingWhatArrived()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("one"));
        using var chat = server.CreateChatClient();
        await chat.GetResponseAsync("first");

        var wait = () => server.WaitForRequestsAsync(2, TimeSpan.FromMilliseconds(200));

        (await wait.Should().ThrowAsync<TimeoutException>()).Which.Message
            .Should().Contain("Expected 2").And.Contain("1 arrived").And.Contain("#1 POST /v1/chat/completions");
    }

    [Fact]
    public async Task EnqueueFor_TwoModels_EachModelGetsItsOwnScriptBeforeTheSharedQueue()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("shared"))
            .EnqueueFor("planner", Reply.Text("plan"))
            .EnqueueFor("writer", Reply.Text("draft"));
        using var writer = server.CreateChatClient("writer");
        using var planner = server.CreateChatClient("planner");

        var draft = await writer.GetResponseAsync("write");
        var plan = await planner.GetResponseAsync("plan");
        var next = await planner.GetResponseAsync("plan again");

        draft.Text.Should().Be("draft");
        plan.Text.Should().Be("plan");
        next.Text.Should().Be("shared");
        server.Remaining.Should().Be(0);
    }

    [Fact]
    public async Task Enqueue_ConcurrentRequests_EveryReplyIsUsedExactlyOnce()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const int Count = 24;
        server.Enqueue([.. Enumerable.Range(0, Count).Select(i => Reply.Text($"reply {i}"))]);
        using var chat = server.CreateChatClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => chat.GetResponseAsync($"question {i}")));

        answers.Select(a => a.Text).Should().BeEquivalentTo(Enumerable.Range(0, Count).Select(i => $"reply {i}"));
        server.Requests.Select(r => r.Number).Should().BeEquivalentTo(Enumerable.Range(1, Count));
        server.Remaining.Should().Be(0);
    }
}
