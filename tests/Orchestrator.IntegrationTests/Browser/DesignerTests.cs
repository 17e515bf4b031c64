using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// An analyst builds a flow in the designer by drag and drop, configures each node in the property panel, publishes and
/// runs it; an approver decides in the inbox; the run view shows every node done. Against a real server with a scripted
/// model and a recording HTTP endpoint on loopback (inside the egress allow-list).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserFixture browser)
{
    private const string ApprovalTitle = "Refund order A-7?";
    private const string AgentAnswer = "Refund justified: the parcel arrived broken.";

    // Where each node is dropped, relative to the canvas, and the ports that connect them.
    private static readonly (string Type, string Id, float X, float Y)[] Nodes =
    [
        ("Elsa.Start", "start1", 130, 110),
        ("Orchestrator.Agent", "agent1", 420, 110),
        ("Orchestrator.Approval", "approval1", 710, 110),
        ("Elsa.FlowSendHttpRequest", "http1", 420, 430),
        ("Elsa.End", "end1", 710, 430),
    ];

    private static readonly (string Source, string Port, string Target)[] Connections =
    [
        ("start1", "Done", "agent1"),
        ("agent1", "Done", "approval1"),
        ("approval1", "Approved", "http1"),
        ("http1", "Done", "end1"),
    ];

    [Fact]
    public async Task BuildPublishRun_StartAgentApprovalHttpEnd_ApprovedInTheInboxAndEveryNodeTurnsDone()
    {
        using var folder = new TestFolder("browser-designer");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text(AgentAnswer));
        await using var billing = await RecordingHttpEndpoint.StartAsync(new { refunded = true });
        var billingHost = new Uri(billing.BaseUrl).Host;
        await using var server = await BrowserServer.StartAsync(folder, model.BaseUrl, new Dictionary<string, string>
        {
            ["Orchestrator__Tools__Http__AllowedHosts__0"] = billingHost,
        });

        await using var annContext = await browser.NewContextAsync(server.BaseAddress, 1600, 1000);
        await using var aliceContext = await browser.NewContextAsync(server.BaseAddress);
        string? instanceId = null;
        await Screenshots.OnFailureAsync(nameof(BuildPublishRun_StartAgentApprovalHttpEnd_ApprovedInTheInboxAndEveryNodeTurnsDone), async () =>
        {
            var ann = await annContext.NewPageAsync();
            await SignIn.WithPasswordAsync(ann, BrowserServer.AnalystUser, BrowserServer.AnalystPassword);

            // A new, empty flow with one declared input.
            await ann.GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
            await ann.GetByTestId("new-flow").ClickAsync();
            await ann.GetByLabel("Name", new() { Exact = true }).FillAsync("Refund by hand");
            await ann.GetByTestId("create-flow").ClickAsync();
            var designer = ann.GetByTestId("designer");
            await Expect(designer).ToBeVisibleAsync();
            await Expect(ann.GetByTestId("flow-title")).ToHaveTextAsync("Refund by hand");
            await ann.GetByTestId("add-input").ClickAsync();
            await ann.GetByLabel("Input 1 name", new() { Exact = true }).FillAsync("orderId");

            // Drag and drop every node from the palette; the dropped node is selected and its panel opens.
            var canvas = ann.GetByTestId("canvas");
            var panel = ann.GetByTestId("property-panel");
            foreach (var (type, id, x, y) in Nodes)
            {
                await ann.GetByTestId($"palette-{type}").DragToAsync(canvas, new() { TargetPosition = new() { X = x, Y = y } });
                await Expect(NodeOf(ann, id)).ToHaveAttributeAsync("data-node-type", type);
                await Expect(panel).ToHaveAttributeAsync("data-node-id", id);
                await ConfigureAsync(panel, type, billing.BaseUrl);
            }

            // Arrange the dropped nodes so none covers another's ports, and show them all.
            await ann.GetByTestId("auto-layout").ClickAsync();
            await ann.GetByTestId("zoom-fit").ClickAsync();
            await ann.WaitForTimeoutAsync(500);

            // Connect the ports by outcome name.
            foreach (var (source, port, target) in Connections)
            {
                await ConnectAsync(ann, NodeOf(ann, source).GetByTestId($"port-{port}"), NodeOf(ann, target).GetByTestId("port-In"));
            }

            await Expect(ann.Locator(".react-flow__edge")).ToHaveCountAsync(Connections.Length);

            // Copy and paste a node, then undo the paste.
            await NodeOf(ann, "end1").ClickAsync();
            await ann.Keyboard.PressAsync("Control+c");
            await ann.Keyboard.PressAsync("Control+v");
            await Expect(ann.GetByTestId("flow-node")).ToHaveCountAsync(Nodes.Length + 1);
            await ann.GetByTestId("undo").ClickAsync();
            await Expect(ann.GetByTestId("flow-node")).ToHaveCountAsync(Nodes.Length);
            await ann.GetByTestId("auto-layout").ClickAsync();
            await ann.GetByTestId("zoom-fit").ClickAsync();
            await Expect(ann.GetByTestId("problem")).ToHaveCountAsync(0);
            await Expect(ann.GetByTestId("node-problem-badge")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(ann, "designer-built");

            // Save, publish, run with the input form.
            await ann.GetByTestId("save").ClickAsync();
            await Expect(ann.GetByTestId("save-state")).ToHaveTextAsync("Draft saved");
            await ann.GetByTestId("publish").ClickAsync();
            await Expect(ann.GetByTestId("save-state")).ToHaveTextAsync("Published v1");
            await ann.GetByTestId("run").ClickAsync();
            var dialog = ann.GetByTestId("run-dialog");
            await Expect(dialog).ToContainTextAsync("Starts published version 1.");
            await dialog.GetByTestId("run-input-orderId").FillAsync("A-7");
            await dialog.GetByTestId("run-start").ClickAsync();

            var runView = ann.GetByTestId("run-view");
            await Expect(runView).ToBeVisibleAsync();
            instanceId = await runView.GetAttributeAsync("data-instance-id");
            instanceId.Should().NotBeNullOrEmpty();
            await Expect(NodeOf(ann, "agent1")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
            await Expect(NodeOf(ann, "approval1")).ToHaveAttributeAsync("data-state", "person", new() { Timeout = 60_000 });
            await Screenshots.SaveAsync(ann, "designer-run-waiting");
            await SamePage.MarkAsync(ann);

            // The approver approves in the inbox.
            var alice = await aliceContext.NewPageAsync();
            await SignIn.WithPasswordAsync(alice, "alice", BrowserServer.AlicePassword);
            await alice.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
            var row = alice.GetByTestId("task-row").Filter(new() { HasText = ApprovalTitle });
            await Expect(row).ToHaveCountAsync(1);
            await row.ClickAsync();
            var detail = alice.GetByTestId("task-detail");
            await detail.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(alice.GetByRole(AriaRole.Status).Filter(new() { HasText = "Approved" })).ToBeVisibleAsync();

            // The run view follows live: every node turns done.
            foreach (var (_, id, _, _) in Nodes)
            {
                await Expect(NodeOf(ann, id)).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
            }

            (await SamePage.IsStillMarkedAsync(ann)).Should().BeTrue("the run view must follow the instance without a reload");
            await NodeOf(ann, "agent1").ClickAsync();
            var nodeRun = ann.GetByTestId("node-run");
            await Expect(nodeRun).ToHaveAttributeAsync("data-node-id", "agent1");
            await Expect(nodeRun).ToContainTextAsync(AgentAnswer);
            await Screenshots.SaveAsync(ann, "designer-run-done");
        }, annContext, aliceContext);

        var done = await server.Api.WaitForStatusAsync(instanceId!, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
        done.GetProperty("status").GetString().Should().Be("Completed", done.ToString());
        var requests = billing.Requests.ToList();
        requests.Should().ContainSingle();
        requests[0].Method.Should().Be("POST");
        requests[0].Path.Should().Be("/refunds");
        requests[0].Headers.Should().ContainKey("Idempotency-Key");
        requests[0].Headers["Idempotency-Key"].Should().StartWith(instanceId + ":");
    }

    private static ILocator NodeOf(IPage page, string id) => page.Locator($"[data-testid='flow-node'][data-node-id='{id}']");

    private static async Task ConfigureAsync(ILocator panel, string type, string billingBaseUrl)
    {
        switch (type)
        {
            case "Orchestrator.Agent":
                await panel.GetByLabel("Name", new() { Exact = true }).FillAsync("Triage");
                await panel.GetByTestId("agent-mode-inline").CheckAsync();
                await panel.GetByTestId("input-instructions").FillAsync("You are a support triage agent. Decide whether the refund is justified.");
                await panel.GetByTestId("input-model").SelectOptionAsync("default");
                await panel.GetByTestId("input-prompt").FillAsync("Order {{ Input.orderId }} arrived broken. Is a refund justified?");
                await panel.GetByTestId("input-prompt").PressAsync("Escape");
                break;
            case "Orchestrator.Approval":
                await panel.GetByTestId("input-title").FillAsync(ApprovalTitle);
                await panel.GetByTestId("input-title").PressAsync("Escape");
                await panel.GetByTestId("input-assignTo").GetByLabel("alice", new() { Exact = true }).CheckAsync();
                break;
            case "Elsa.FlowSendHttpRequest":
                await panel.GetByTestId("input-url").FillAsync(billingBaseUrl + "refunds");
                await Expect(panel.GetByTestId("input-method")).ToHaveValueAsync("POST");
                break;
            default:
                break;
        }
    }

    /// <summary>Drags from a port to another, with the mouse, as a person connects two nodes.</summary>
    private static async Task ConnectAsync(IPage page, ILocator from, ILocator to)
    {
        var start = await from.BoundingBoxAsync() ?? throw new InvalidOperationException("The source port is not visible.");
        var end = await to.BoundingBoxAsync() ?? throw new InvalidOperationException("The target port is not visible.");
        await page.Mouse.MoveAsync(start.X + (start.Width / 2), start.Y + (start.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end.X + (end.Width / 2), end.Y + (end.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }
}
