using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Orchestrator.Testing.Tests;

/// <summary>Errors, broken bodies and slow answers, as the OpenAI SDK and M.E.AI surface them.</summary>
public sealed class ErrorReplyTests
{
    private static readonly OpenAI.Chat.ChatMessage[] Question = [new UserChatMessage("Where is order 42?")];

    [Fact]
    public async Task CompleteChat_Error429_ThrowsClientResultExceptionWithRetryAfter()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Error(429, retryAfter: TimeSpan.FromSeconds(1)));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        var error = (await client.Invoking(c => c.CompleteChatAsync(Question)).Should().ThrowAsync<ClientResultException>()).Which;

        error.Status.Should().Be(429);
        var raw = error.GetRawResponse()!;
        raw.Headers.TryGetValue("Retry-After", out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be("1");
        raw.Headers.TryGetValue("retry-after-ms", out var retryAfterMs).Should().BeTrue();
        retryAfterMs.Should().Be("1000");
        using var body = JsonDocument.Parse(raw.Content.ToString());
        body.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("rate_limit_exceeded");
    }

    [Fact]
    public async Task CompleteChat_Error429ThenText_SdkRetryPolicyHonoursRetryAfter()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Error(429, retryAfter: TimeSpan.FromMilliseconds(300)), Reply.Text("ok"));
        var client = server.CreateOpenAIClient().GetChatClient("gpt-test");
        var clock = Stopwatch.StartNew();

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.Content[0].Text.Should().Be("ok");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), "the SDK waited as retry-after-ms asked");
        server.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task CompleteChat_Error500_ThrowsClientResultExceptionWithStatus500()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Error(500));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        var error = (await client.Invoking(c => c.CompleteChatAsync(Question)).Should().ThrowAsync<ClientResultException>()).Which;

        error.Status.Should().Be(500);
        error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetResponse_Error400WithMessage_ExceptionCarriesMessage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Error(400, "This model's maximum context length is 128000 tokens."));
        using var chat = server.CreateChatClient(options: Sdk.NoRetries());

        var error = (await chat.Invoking(c => c.GetResponseAsync("hi")).Should().ThrowAsync<ClientResultException>()).Which;

        error.Status.Should().Be(400);
        error.Message.Should().Contain("maximum context length");
    }

    [Fact]
    public async Task GetResponse_MalformedBody_Throws()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Malformed("{not json"));
        using var chat = server.CreateChatClient(options: Sdk.NoRetries());

        await chat.Invoking(c => c.GetResponseAsync("hi")).Should().ThrowAsync<JsonException>();
    }

    [Fact]
    public async Task GetStreamingResponse_MalformedBody_Throws()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Malformed("{not json"));
        using var chat = server.CreateChatClient(options: Sdk.NoRetries());

        var read = async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("hi"))
            {
                _ = update;
            }
        };

        await read.Should().ThrowAsync<JsonException>();
    }

    [Fact]
    public async Task CompleteChat_DelayLongerThanNetworkTimeout_TimesOut()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Delay(TimeSpan.FromSeconds(30), then: Reply.Text("too late")));
        var client = server.CreateOpenAIClient(Sdk.NoRetries(networkTimeout: TimeSpan.FromMilliseconds(200))).GetChatClient("gpt-test");
        var clock = Stopwatch.StartNew();

        // System.ClientModel reports a network timeout as a TaskCanceledException that names the configured timeout.
        await client.Invoking(c => c.CompleteChatAsync(Question)).Should().ThrowAsync<TaskCanceledException>()
            .WithMessage("*exceeded the configured timeout*");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CompleteChat_DelayShorterThanTimeout_AnswersAfterDelay()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Delay(TimeSpan.FromMilliseconds(300), then: Reply.Text("eventually")));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");
        var clock = Stopwatch.StartNew();

        ChatCompletion completion = await client.CompleteChatAsync(Question);

        completion.Content[0].Text.Should().Be("eventually");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task DisposeAsync_RequestHeldByDelay_StopsPromptly()
    {
        var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Delay(TimeSpan.FromMinutes(5), then: Reply.Text("never")));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");
        var call = client.CompleteChatAsync(Question);
        await server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();

        await server.DisposeAsync();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        await call.Invoking(c => c).Should().ThrowAsync<Exception>("the held request was dropped, not answered");
    }

    [Fact]
    public async Task CompleteChat_EmptyScript_Returns500SayingNoScriptedReplyLeft()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("the only one"));
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");
        await client.CompleteChatAsync(Question);

        var error = (await client.Invoking(c => c.CompleteChatAsync(Question)).Should().ThrowAsync<ClientResultException>()).Which;

        error.Status.Should().Be(500);
        error.Message.Should().Contain("No scripted reply left").And.Contain("#2");
    }

    [Fact]
    public async Task CompleteChat_EmptyScriptWithFallback_AnswersWithFallbackEveryTime()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Fallback = Reply.Text("I don't know.");
        var client = server.CreateOpenAIClient(Sdk.NoRetries()).GetChatClient("gpt-test");

        ChatCompletion first = await client.CompleteChatAsync(Question);
        ChatCompletion second = await client.CompleteChatAsync(Question);

        first.Content[0].Text.Should().Be("I don't know.");
        second.Content[0].Text.Should().Be("I don't know.");
    }

    [Fact]
    public async Task Post_UnknownPath_Returns404NamingTheServedEndpoints()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(new Uri(server.BaseUrl), "embeddings"), new StringContent("{}"));

        ((int)response.StatusCode).Should().Be(404);
        (await response.Content.ReadAsStringAsync()).Should().Contain("/v1/chat/completions").And.Contain("/v1/responses");
        server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Post_BodyNotJson_Returns400WithoutUsingTheScript()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(Reply.Text("kept"));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(new Uri(server.BaseUrl), "chat/completions"), new StringContent("{oops"));

        ((int)response.StatusCode).Should().Be(400);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid JSON");
        server.Remaining.Should().Be(1);
    }
}
