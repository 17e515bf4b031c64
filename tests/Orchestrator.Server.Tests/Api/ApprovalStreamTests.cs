using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApprovalStreamTests(ServerFixture server)
{
    [Fact]
    public async Task Stream_TaskCreatedThenDecidedByAnother_SendsCreatedThenDecidedWithTheDecider()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await OpenAsync(server.Client(TestUsers.Approver), timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var approval = await server.CreateAsync(["role:approver"]);
        var created = await NextEventAsync(reader, approval.TaskId, timeout.Token);
        using var decision = await server.Client(TestUsers.SecondApprover)
            .PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "approve" }""");
        var decided = await NextEventAsync(reader, approval.TaskId, timeout.Token);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        decision.StatusCode.Should().Be(HttpStatusCode.OK);
        created.Event.Should().Be("approval.created");
        created.Json.GetProperty("status").GetString().Should().Be("pending");
        created.Json.GetProperty("title").GetString().Should().Be("Refund order 1042");
        created.Json.GetProperty("proposed").GetProperty("amount").GetInt32().Should().Be(120);
        created.Json.GetProperty("requestedBy").GetProperty("agent").GetString().Should().Be(ApprovalSetup.Agent);
        decided.Event.Should().Be("approval.decided");
        decided.Json.GetProperty("status").GetString().Should().Be("approved");
        decided.Json.GetProperty("decidedBy").GetString().Should().Be(TestUsers.SecondApprover);
    }

    [Fact]
    public async Task Stream_TaskForAnotherUser_IsNotSentButAdminsSeeIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var approverResponse = await OpenAsync(server.Client(TestUsers.Approver), timeout.Token);
        using var adminResponse = await OpenAsync(server.Client(TestUsers.Admin), timeout.Token);
        using var approverReader = new SseReader(await approverResponse.Content.ReadAsStreamAsync(timeout.Token));
        using var adminReader = new SseReader(await adminResponse.Content.ReadAsStreamAsync(timeout.Token));

        var foreign = await server.CreateAsync(["user:" + TestUsers.SecondApprover]);
        var mine = await server.CreateAsync(["user:" + TestUsers.Approver]);

        // Events arrive in commit order, so the first one the approver gets shows whether the foreign task was filtered.
        var first = await NextEventAsync(approverReader, taskId: null, timeout.Token);
        first.Json.GetProperty("taskId").GetString().Should().Be(mine.TaskId);
        (await NextEventAsync(adminReader, foreign.TaskId, timeout.Token)).Event.Should().Be("approval.created");
        (await NextEventAsync(adminReader, mine.TaskId, timeout.Token)).Event.Should().Be("approval.created");
    }

    [Fact]
    public async Task Stream_TimeoutRules_SendUpdatedForEscalationAndDecidedForExpiry()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await OpenAsync(server.Client(TestUsers.Approver), timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var tasks = server.Services.GetRequiredService<IHumanTaskService>();
        var approval = await server.CreateAsync(["role:approver"], DateTime.UtcNow.AddHours(1));
        await NextEventAsync(reader, approval.TaskId, timeout.Token);

        var due = DateTime.UtcNow.AddHours(2);
        await tasks.ResolveAsync(approval.TaskId, HumanTaskStatus.Pending, ["role:approver", "user:" + TestUsers.SecondApprover], due, timeout.Token);
        var updated = await NextEventAsync(reader, approval.TaskId, timeout.Token);
        await tasks.ResolveAsync(approval.TaskId, HumanTaskStatus.Expired, null, null, timeout.Token);
        var expired = await NextEventAsync(reader, approval.TaskId, timeout.Token);

        updated.Event.Should().Be("approval.updated");
        updated.Json.GetProperty("status").GetString().Should().Be("pending");
        updated.Json.GetProperty("assignTo").EnumerateArray().Select(a => a.GetString()).Should().Contain("user:" + TestUsers.SecondApprover);
        expired.Event.Should().Be("approval.decided");
        expired.Json.GetProperty("status").GetString().Should().Be("expired");
    }

    [Fact]
    public async Task Stream_WithSessionCookie_WorksLikeTheKey()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var session = await server.SignInAsync(TestUsers.Approver);
        using var response = await OpenAsync(session.Client, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var approval = await server.CreateAsync(["role:approver"]);

        (await NextEventAsync(reader, approval.TaskId, timeout.Token)).Event.Should().Be("approval.created");
    }

    [Fact]
    public async Task Stream_WhileIdle_SendsKeepAliveComments()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await OpenAsync(server.Client(TestUsers.Approver), timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        SseMessage? message;
        do
        {
            message = await reader.ReadAsync(timeout.Token);
        }
        while (message is not null && message.Comment != "keep-alive");

        message.Should().NotBeNull("the stream stays open while idle");
    }

    [Theory]
    [InlineData(TestUsers.Viewer)]
    [InlineData(TestUsers.Developer)]
    [InlineData(TestUsers.Analyst)]
    public async Task Stream_WithoutApproverRole_Is403Problem(string user)
    {
        using var response = await server.Client(user).GetAsync("/api/approvals/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, "/api/approvals/stream"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response;
    }

    /// <summary>The next event (skipping comments), about <paramref name="taskId"/> when one is given.</summary>
    private static async Task<SseMessage> NextEventAsync(SseReader reader, string? taskId, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken) is { } message)
        {
            if (message.Event is not null && (taskId is null || message.Json.GetProperty("taskId").GetString() == taskId))
            {
                return message;
            }
        }

        throw new InvalidOperationException("The approvals stream closed.");
    }
}
