using System.Text.Json;
using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>Approvers in the inbox, against a real server whose agent asks a scripted model for a refund that needs approval.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalInboxTests(BrowserFixture browser)
{
    private const string TaskTitle = "refunder wants to call it.refund";

    /// <summary>Start → Fork: an approval for approvers, and the event <c>skip</c>; whichever reaches the WaitAny join first ends the flow.</summary>
    private const string AskOrSkipFlow = """
        {"definitionId":"ask-or-skip","name":"Ask or skip","variables":[],"inputs":[],"outputs":[],
         "root":{"id":"fc","type":"Elsa.Flowchart","activities":[
           {"id":"start","type":"Elsa.Start","version":1},
           {"id":"fork","type":"Elsa.FlowFork","version":1,"branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Ask\",\"Skip\"]"}}},
           {"id":"ask","type":"Orchestrator.Approval","version":1,"title":{"typeName":"String","expression":{"type":"Literal","value":"Go ahead?"}},
            "assignTo":{"typeName":"String[]","expression":{"type":"Object","value":"[\"role:approver\"]"}}},
           {"id":"skip","type":"Elsa.Event","version":1,"eventName":{"typeName":"String","expression":{"type":"Literal","value":"skip"}}},
           {"id":"join","type":"Elsa.FlowJoin","version":1,"mode":{"typeName":"String","expression":{"type":"Literal","value":"WaitAny"}}},
           {"id":"end","type":"Elsa.End","version":1}],
          "connections":[
           {"source":{"activity":"start","port":"Done"},"target":{"activity":"fork","port":"In"}},
           {"source":{"activity":"fork","port":"Ask"},"target":{"activity":"ask","port":"In"}},
           {"source":{"activity":"fork","port":"Skip"},"target":{"activity":"skip","port":"In"}},
           {"source":{"activity":"ask","port":"Approved"},"target":{"activity":"join","port":"In"}},
           {"source":{"activity":"skip","port":"Done"},"target":{"activity":"join","port":"In"}},
           {"source":{"activity":"join","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    [Fact]
    public async Task Approve_EditedAmountInTheInbox_ToolRefundsTheEditedAmountAndAStalePageShowsTaken()
    {
        using var folder = new TestFolder("browser-approve");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.ToolCall("it_refund", new { orderId = "A-7", amount = 700 }), Reply.Text("Refunded what the approver allowed."));
        await using var server = await BrowserServer.StartAsync(folder, model.BaseUrl);
        using var aliceApi = new ApiClient(server.BaseAddress, ServerProcess.AliceKey);
        var instanceId = await server.Api.StartAsync("it.refund-agent", "Refund $700 on order A-7, it arrived broken");
        var task = await aliceApi.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(60));
        var taskId = task.GetProperty("taskId").GetString()!;

        await using var aliceContext = await browser.NewContextAsync(server.BaseAddress);
        await using var carolContext = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Approve_EditedAmountInTheInbox_ToolRefundsTheEditedAmountAndAStalePageShowsTaken), async () =>
        {
            // Carol opens the task first and leaves her page open.
            var carol = await carolContext.NewPageAsync();
            await SignIn.WithPasswordAsync(carol, "carol", BrowserServer.CarolPassword);
            var carolDetail = await OpenTaskAsync(carol);
            await Expect(carolDetail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
            await SamePage.MarkAsync(carol);

            var alice = await aliceContext.NewPageAsync();
            await SignIn.WithPasswordAsync(alice, "alice", BrowserServer.AlicePassword);
            var detail = await OpenTaskAsync(alice);
            var proposed = detail.GetByTestId("proposed-table");
            await Expect(proposed.GetByRole(AriaRole.Row).Filter(new() { HasText = "amount" })).ToContainTextAsync("700");
            await Expect(proposed.GetByRole(AriaRole.Row).Filter(new() { HasText = "orderId" })).ToContainTextAsync("A-7");

            await detail.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
            var amount = detail.GetByLabel("amount", new() { Exact = true });
            await Expect(amount).ToHaveAttributeAsync("type", "number");
            await Expect(amount).ToHaveValueAsync("700");
            await amount.FillAsync("650");
            await detail.GetByLabel("Comment", new() { Exact = true }).FillAsync("Capped at 650: the case is covered only in part.");
            await detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(alice.GetByRole(AriaRole.Status).Filter(new() { HasText = "Approved" })).ToBeVisibleAsync();

            // Carol's page learns it live (no reload) and no longer offers a decision.
            await Expect(carolDetail.GetByTestId("task-taken")).ToContainTextAsync("Taken by alice");
            await Expect(carolDetail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
            await Expect(carolDetail.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true })).ToHaveCountAsync(0);
            (await SamePage.IsStillMarkedAsync(carol)).Should().BeTrue("Carol's page must show the taken task without a reload");
        }, aliceContext, carolContext);

        var done = await server.Api.WaitForStatusAsync(instanceId, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
        done.GetProperty("status").GetString().Should().Be("Completed", done.ToString());
        done.GetProperty("output").GetProperty("toolCalls").GetInt32().Should().Be(1);

        var decided = await aliceApi.ApprovalAsync(taskId);
        decided.GetProperty("status").GetString().Should().Be("approved");
        decided.GetProperty("decidedBy").GetString().Should().Be("alice");
        decided.GetProperty("comment").GetString().Should().Be("Capped at 650: the case is covered only in part.");
        decided.GetProperty("edits").GetProperty("amount").GetDecimal().Should().Be(650);

        // The tool received the edited amount: its step in the agent's own instance, and the downstream ledger.
        var agentInstance = task.GetProperty("instanceId").GetString()!;
        var toolOutputs = (await server.Api.HistoryAsync(agentInstance)).GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("output").ValueKind == JsonValueKind.Object && s.GetProperty("output").TryGetProperty("refunded", out _))
            .Select(s => s.GetProperty("output").GetProperty("refunded").GetDecimal())
            .ToList();
        toolOutputs.Should().Equal(650m);
        using var ledger = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("ledger.db")};Mode=ReadOnly");
        ledger.Open();
        using var command = ledger.CreateCommand();
        command.CommandText = "SELECT label FROM effects";
        ((string)command.ExecuteScalar()!).Should().Be("refund A-7 650 by refunder for admin");
    }

    [Fact]
    public async Task Withdrawn_WhileOpenInTheInbox_ThePageSaysSoAndOffersNoDecision()
    {
        using var folder = new TestFolder("browser-withdrawn");
        await using var server = await BrowserServer.StartAsync(folder);
        using var aliceApi = new ApiClient(server.BaseAddress, ServerProcess.AliceKey);
        await server.Api.PostJsonAsync("/api/definitions/import?publish=true", AskOrSkipFlow);
        var instanceId = await server.Api.StartAsync("ask-or-skip", null);
        await aliceApi.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(60));

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Withdrawn_WhileOpenInTheInbox_ThePageSaysSoAndOffersNoDecision), async () =>
        {
            var alice = await context.NewPageAsync();
            await SignIn.WithPasswordAsync(alice, "alice", BrowserServer.AlicePassword);
            var detail = await OpenTaskAsync(alice, "Go ahead?");
            await Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();

            // The flow's other branch wins the WaitAny join; the open page learns it live.
            await server.Api.RaiseAsync(instanceId, "skip", null);

            await Expect(detail.GetByTestId("task-withdrawn")).ToContainTextAsync("no longer waits for this answer");
            await Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
            await Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true })).ToHaveCountAsync(0);
        }, context);

        var done = await server.Api.WaitForStatusAsync(instanceId, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
        done.GetProperty("status").GetString().Should().Be("Completed", done.ToString());
    }

    [Fact]
    public async Task Inbox_AsAdministratorWithoutTheApproverRole_ListsTheTasksLiveByTheFlowsTitle()
    {
        // A flow made in the designer before ids were derived from names: its id is hex, its title is what people read.
        const string HexId = "5ee63887655b47e8";
        using var folder = new TestFolder("browser-admin-inbox");
        await using var server = await BrowserServer.StartAsync(folder);
        using var aliceApi = new ApiClient(server.BaseAddress, ServerProcess.AliceKey);
        await server.Api.PostJsonAsync(
            "/api/definitions/import?publish=true",
            AskOrSkipFlow.Replace("\"ask-or-skip\"", $"\"{HexId}\"", StringComparison.Ordinal).Replace("Ask or skip", "Supplier onboarding", StringComparison.Ordinal));
        var first = await server.Api.StartAsync(HexId, null);
        await aliceApi.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(60));

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await Screenshots.OnFailureAsync(nameof(Inbox_AsAdministratorWithoutTheApproverRole_ListsTheTasksLiveByTheFlowsTitle), async () =>
        {
            var admin = await context.NewPageAsync();
            await SignIn.WithPasswordAsync(admin, "admin", BrowserServer.AdminPassword);
            await admin.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
            var rows = admin.GetByTestId("task-row").Filter(new() { HasText = "Go ahead?" });
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync("Requested by Supplier onboarding");
            await Expect(rows.First).Not.ToContainTextAsync(HexId);

            // A task created while the inbox is open arrives over the stream.
            await server.Api.StartAsync(HexId, null);
            await Expect(rows).ToHaveCountAsync(2);
            await rows.First.ClickAsync();
            var detail = admin.GetByTestId("task-detail");
            await Expect(detail).ToContainTextAsync("Requested by Supplier onboarding");
            await Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
            var facts = detail.GetByTestId("task-context");
            await Expect(facts).ToContainTextAsync("Supplier onboarding");
            await Expect(facts).Not.ToContainTextAsync(HexId);
            await Expect(detail.GetByTestId("step-row").First).ToContainTextAsync("Supplier onboarding");
            await Screenshots.SaveAsync(admin, "inbox-admin");

            // The instances list and page name the flow by its title too, the id beside it.
            await admin.GotoAsync($"/instances/{first}");
            await Expect(admin.GetByTestId("instance-workflow")).ToContainTextAsync("Supplier onboarding");
            await Expect(admin.GetByTestId("step-row").First).ToContainTextAsync("Supplier onboarding");
            await Expect(admin.GetByTestId("step-row").First).Not.ToContainTextAsync(HexId);
            await admin.GotoAsync("/instances");
            var row = admin.GetByTestId("instance-row").Filter(new() { HasText = first });
            await Expect(row).ToContainTextAsync("Supplier onboarding");
            await Expect(row.Locator(".workflow-id")).ToContainTextAsync(HexId);
            await Screenshots.SaveAsync(admin, "instances-by-title");
        }, context);
    }

    private static async Task<ILocator> OpenTaskAsync(IPage page, string title = TaskTitle)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        var row = page.GetByTestId("task-row").Filter(new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await row.ClickAsync();
        var detail = page.GetByTestId("task-detail");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        return detail;
    }
}
