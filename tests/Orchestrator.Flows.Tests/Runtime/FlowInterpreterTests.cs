using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Model;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

public sealed class FlowInterpreterTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_DecisionLoop_CountsToThreeAndSetsOutput()
    {
        var flow = new FlowSpec("loop").Variable("Counter", "Int32", "0")
            .Node("start", T.Start)
            .Node("inc", T.SetVariable, new JsonObject { ["variable"] = new JsonObject { ["id"] = "Counter", ["name"] = "Counter" }, ["value"] = Js("getCounter() + 1") })
            .Node("dec", T.FlowDecision, new JsonObject { ["condition"] = Js("getCounter() >= 3", "Boolean") })
            .Node("line", T.WriteLine, new JsonObject { ["text"] = Liquid("Reached {{ Variables.Counter }}") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("message"), ["outputValue"] = Js("'Reached ' + getCounter()") })
            .Node("end", T.End)
            .Chain("start", "inc", "dec").Connect("dec", "line", "True").Connect("dec", "inc", "False").Chain("line", "out", "end");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("loop", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["message"]!.GetValue<string>().Should().Be("Reached 3");
        Nodes(done)["line"]!["state"]!.GetValue<string>().Should().Be("done");
        Nodes(done)["line"]!["output"]!.GetValue<string>().Should().Be("Reached 3");
    }

    [Fact]
    public async Task RunAsync_ForkJoinWaitAll_RunsBothBranchesThenContinuesOnce()
    {
        var flow = new FlowSpec("fork").Variable("A", "String").Variable("B", "String")
            .Node("start", T.Start)
            .Node("fork", T.FlowFork, new JsonObject { ["branches"] = Object(new[] { "left", "right" }, "String[]") })
            .Node("a", T.SetVariable, new JsonObject { ["variable"] = new JsonObject { ["id"] = "A" }, ["value"] = Literal("left done") })
            .Node("b", T.SetVariable, new JsonObject { ["variable"] = new JsonObject { ["id"] = "B" }, ["value"] = Literal("right done") })
            .Node("join", T.FlowJoin, new JsonObject { ["mode"] = Literal("WaitAll") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("both"), ["outputValue"] = Js("getA() + ' and ' + getB()") })
            .Connect("start", "fork").Connect("fork", "a", "left").Connect("fork", "b", "right")
            .Connect("a", "join").Connect("b", "join").Connect("join", "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("fork", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["both"]!.GetValue<string>().Should().Be("left done and right done");
    }

    [Fact]
    public async Task RunAsync_WaitAnyBetweenEventAndDelay_EventWinsAndTimerBranchIsCancelled()
    {
        var flow = new FlowSpec("race").Variable("Reply", "Object")
            .Node("start", T.Start)
            .Node("fork", T.FlowFork, new JsonObject { ["branches"] = Object(new[] { "Reply", "Timeout" }, "String[]") })
            .Node("wait", T.Event, new JsonObject { ["eventName"] = Literal("reply"), ["result"] = Bind("Reply") })
            .Node("timer", T.Delay, new JsonObject { ["timeSpan"] = Literal("01:00:00", "TimeSpan") })
            .Node("join", T.FlowJoin, new JsonObject { ["mode"] = Literal("WaitAny") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("reply"), ["outputValue"] = Js("getReply().text") })
            .Node("fin", T.Finish)
            .Connect("start", "fork").Connect("fork", "wait", "Reply").Connect("fork", "timer", "Timeout")
            .Connect("wait", "join").Connect("timer", "join").Connect("join", "out").Connect("out", "fin");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);
        var started = await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("race"));
        await WaitForNodeStateAsync(host, started.InstanceId, "wait", "waiting");

        await host.Client.RaiseEventAsync(started.InstanceId, "reply", """{"text":"yes"}""");
        var done = await host.WaitAsync(started.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["reply"]!.GetValue<string>().Should().Be("yes");
    }

    [Fact]
    public async Task RunAsync_WaitAnyBetweenApprovalAndEvent_EventWinsAndTheTaskIsWithdrawn()
    {
        var flow = new FlowSpec("ask-or-skip")
            .Node("start", T.Start)
            .Node("fork", T.FlowFork, new JsonObject { ["branches"] = Object(new[] { "Ask", "Skip" }, "String[]") })
            .Node("ask", T.Approval, new JsonObject { ["title"] = Literal("Go ahead?"), ["assignTo"] = Object(new[] { "role:approver" }, "String[]") })
            .Node("skip", T.Event, new JsonObject { ["eventName"] = Literal("skip") })
            .Node("join", T.FlowJoin, new JsonObject { ["mode"] = Literal("WaitAny") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("went"), ["outputValue"] = Literal("on") })
            .Connect("start", "fork").Connect("fork", "ask", "Ask").Connect("fork", "skip", "Skip")
            .Connect("ask", "join", "Approved").Connect("skip", "join").Connect("join", "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);
        var started = await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("ask-or-skip"));
        var task = await host.WaitForPendingTaskAsync();
        await WaitForNodeStateAsync(host, started.InstanceId, "ask", "person");

        await host.Client.RaiseEventAsync(started.InstanceId, "skip", null);
        var done = await host.WaitAsync(started.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["went"]!.GetValue<string>().Should().Be("on");
        var withdrawn = await host.Tasks.GetAsync(task.TaskId);
        withdrawn!.Status.Should().Be(HumanTaskStatus.Withdrawn);
        withdrawn.DecidedBy.Should().Be("system");
        (await host.Tasks.QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending })).Should().BeEmpty();
        Nodes(done)["ask"]!["state"]!.GetValue<string>().Should().Be("cancelled");
        JsonNode.Parse(done.CustomStatus!)!["waitingFor"].Should().BeNull();
        (await host.Tasks.DecideAsync(task.TaskId, true, "sam", ["approver"], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Conflict);
    }

    [Fact]
    public async Task RunAsync_FinishWhileABranchWaitsForAPerson_WithdrawsTheTask()
    {
        var flow = new FlowSpec("finish-first")
            .Node("start", T.Start)
            .Node("fork", T.FlowFork, new JsonObject { ["branches"] = Object(new[] { "Ask", "Done" }, "String[]") })
            .Node("ask", T.RunTask, new JsonObject { ["taskName"] = Literal("Check the parcel"), ["assignTo"] = Object(new[] { "role:approver" }, "String[]") })
            .Node("later", T.Delay, new JsonObject { ["timeSpan"] = Literal("00:00:00.2", "TimeSpan") })
            .Node("fin", T.Finish)
            .Connect("start", "fork").Connect("fork", "ask", "Ask").Connect("fork", "later", "Done").Connect("later", "fin");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);
        var started = await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("finish-first"));
        var task = await host.WaitForPendingTaskAsync();

        var done = await host.WaitAsync(started.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        (await host.Tasks.GetAsync(task.TaskId))!.Status.Should().Be(HumanTaskStatus.Withdrawn);
        Nodes(done)["ask"]!["state"]!.GetValue<string>().Should().Be("cancelled");
        Nodes(done)["fin"]!["state"]!.GetValue<string>().Should().Be("done");
    }

    [Fact]
    public async Task RunAsync_ExecuteWorkflow_WaitsForTheChildAndBindsItsResult()
    {
        var flow = new FlowSpec("parent").Variable("Child", "Object")
            .Node("start", T.Start)
            .Node("child", T.ExecuteWorkflow, new JsonObject
            {
                ["workflowDefinitionId"] = Literal("test.double"),
                ["input"] = Object(new { n = 21 }, "ObjectDictionary"),
                ["result"] = Bind("Child"),
            })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("n"), ["outputValue"] = Js("getChild().n") })
            .Connect("start", "child").Connect("child", "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], more: o =>
            o.AddWorkflow<JsonElement, object>("test.double", (_, input) => Task.FromResult<object>(new { n = input.GetProperty("n").GetInt32() * 2 })));

        var done = await host.RunAsync("parent", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["n"]!.GetValue<int>().Should().Be(42);
    }

    [Fact]
    public async Task RunAsync_ExecuteWorkflowWithoutWaiting_StartsTheChildAndGoesOn()
    {
        var flow = new FlowSpec("dispatcher").Variable("Started", "Object")
            .Node("start", T.Start)
            .Node("child", T.ExecuteWorkflow, new JsonObject
            {
                ["workflowDefinitionId"] = Literal("test.waits"),
                ["input"] = Object(new { order = "A-7" }, "ObjectDictionary"),
                ["waitForCompletion"] = Literal(false, "Boolean"),
                ["result"] = Bind("Started"),
            })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("child"), ["outputValue"] = Js("getStarted().instanceId") })
            .Connect("start", "child").Connect("child", "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], more: o =>
            o.AddWorkflow<JsonElement, string>("test.waits", async (ctx, input) =>
                input.GetProperty("order").GetString() + ":" + await ctx.WaitForExternalEventAsync<string>("go")));

        var done = await host.RunAsync("dispatcher", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var childId = JsonNode.Parse(done.Output!)!["child"]!.GetValue<string>();
        childId.Should().StartWith(done.InstanceId + ":child:");
        var child = (await host.Client.GetInstanceAsync(childId))!;
        child.Status.Should().BeOneOf([InstanceStatus.Pending, InstanceStatus.Running], "the flow did not wait for it");
        child.Tags.Should().Contain("parent", done.InstanceId);
        await host.Client.RaiseEventAsync(childId, "go", "\"shipped\"");
        (await host.WaitAsync(childId)).Output.Should().Be("\"A-7:shipped\"");
    }

    [Theory]
    [InlineData("dispatch order", 20)]
    [InlineData("child", 190)]
    public async Task RunAsync_ExecuteWorkflowWithoutWaitingFromANodeOrParentAnIdCannotHold_StartsTheChildUnderAValidId(string nodeId, int parentIdLength)
    {
        var flow = new FlowSpec("dispatcher").Variable("Started", "Object")
            .Node("start", T.Start)
            .Node(nodeId, T.ExecuteWorkflow, new JsonObject
            {
                ["workflowDefinitionId"] = Literal("test.quick"),
                ["waitForCompletion"] = Literal(false, "Boolean"),
                ["result"] = Bind("Started"),
            })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("child"), ["outputValue"] = Js("getStarted().instanceId") })
            .Connect("start", nodeId).Connect(nodeId, "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], more: o =>
            o.AddWorkflow<JsonElement, string>("test.quick", (_, _) => Task.FromResult("done")));

        var done = await host.RunAsync("dispatcher", null, id: new string('p', parentIdLength));

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var childId = JsonNode.Parse(done.Output!)!["child"]!.GetValue<string>();
        Identifiers.Check(childId, "child id").Should().BeNull();
        (await host.WaitAsync(childId)).Tags.Should().Contain("parent", done.InstanceId);
    }

    [Fact]
    public async Task RunAsync_DeclaredInputNotGiven_ReadsAsNullInScriptsAndTemplates()
    {
        var flow = new FlowSpec("optional").Input("customer").Input("note")
            .Node("start", T.Start)
            .Node("out", T.SetOutput, new JsonObject
            {
                ["outputName"] = Literal("text"),
                ["outputValue"] = Js("getCustomer() + ': ' + (getNote() === null ? 'no note' : getNote()) + (getInput('note') === null ? '' : '!')"),
            })
            .Node("say", T.SetOutput, new JsonObject { ["outputName"] = Literal("said"), ["outputValue"] = Liquid("[{{ Input.note }}]") })
            .Chain("start", "out", "say");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("optional", new { customer = "ada" });

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var output = JsonNode.Parse(done.Output!)!;
        output["text"]!.GetValue<string>().Should().Be("ada: no note");
        output["said"]!.GetValue<string>().Should().Be("[]");
    }

    [Fact]
    public async Task RunAsync_HttpNode_SendsIdempotencyKeyAndFollowsStatusOutcome()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { refunded = true });
        var flow = new FlowSpec("http").Variable("Response", "Object")
            .Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject
            {
                ["url"] = Liquid(endpoint.BaseUrl.TrimEnd('/') + "/refunds/{{ Input.orderId }}"),
                ["method"] = Literal("POST"),
                ["content"] = Js("JSON.stringify({ order: getInput('orderId') })"),
                ["expectedStatusCodes"] = Object(new[] { 200 }, "Int32[]"),
                ["parsedContent"] = Bind("Response"),
            })
            .Node("ok", T.SetOutput, new JsonObject { ["outputName"] = Literal("refunded"), ["outputValue"] = Js("getResponse().refunded") })
            .Connect("start", "call").Connect("call", "ok", "200");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("http", new { orderId = "A-7" });

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["refunded"]!.GetValue<bool>().Should().BeTrue();
        var request = endpoint.Requests.Should().ContainSingle().Subject;
        request.Path.Should().Be("/refunds/A-7");
        request.Method.Should().Be("POST");
        request.Headers["Idempotency-Key"].Should().StartWith(done.InstanceId + ":");
    }

    [Fact]
    public async Task RunAsync_HttpToHostOutsideAllowList_FailsNamingTheNode()
    {
        var flow = new FlowSpec("egress").Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal("http://example.com/x") })
            .Connect("start", "call");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("egress", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(call)").And.Contain("egress allow-list");
    }

    [Fact]
    public async Task RunAsync_ModelNode_RendersPromptBindsResultAndRecordsUsage()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("A short summary."));
        var flow = new FlowSpec("model").Variable("Summary", "String")
            .Node("start", T.Start)
            .Node("ask", T.Model, new JsonObject
            {
                ["system"] = Literal("You summarise."),
                ["prompt"] = Liquid("Summarise: {{ Input.text }}"),
                ["result"] = Bind("Summary"),
            })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("summary"), ["outputValue"] = Js("getSummary()") })
            .Chain("start", "ask", "out");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], model);

        var done = await host.RunAsync("model", new { text = "a long story" });

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["summary"]!.GetValue<string>().Should().Be("A short summary.");
        model.Requests.Should().ContainSingle().Which.Messages.GetRawText().Should().Contain("Summarise: a long story");
        Nodes(done)["ask"]!["usage"]!["outputTokens"]!.GetValue<long>().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task RunAsync_Approval_WaitsForAPersonThenTakesTheApprovedPort()
    {
        var flow = new FlowSpec("approve")
            .Node("start", T.Start)
            .Node("ask", T.Approval, new JsonObject
            {
                ["title"] = Liquid("Refund {{ Input.amount }} EUR?"),
                ["proposed"] = Js("({ amount: getInput('amount') })"),
                ["assignTo"] = Object(new[] { "role:approver" }, "String[]"),
            })
            .Node("yes", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Literal("approved") })
            .Node("no", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Literal("rejected") })
            .Connect("start", "ask").Connect("ask", "yes", "Approved").Connect("ask", "no", "Rejected");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);
        var started = await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("approve") { InputJson = """{"amount":250}""" });

        var task = await host.WaitForPendingTaskAsync();
        task.Title.Should().Be("Refund 250 EUR?");
        var waiting = await WaitForNodeStateAsync(host, started.InstanceId, "ask", "person");
        JsonNode.Parse(waiting.CustomStatus!)!["waitingFor"]!.GetValue<string>().Should().Be(HumanTask.EventNameFor(task.TaskId));
        (await host.Tasks.DecideAsync(task.TaskId, true, "sam", ["approver"], "ok", null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        var done = await host.WaitAsync(started.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["result"]!.GetValue<string>().Should().Be("approved");
        JsonNode.Parse(done.CustomStatus!)!["waitingFor"].Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_Fault_FailsTheInstanceNamingTheNode()
    {
        var flow = new FlowSpec("fault").Node("start", T.Start)
            .Node("boom", T.Fault, new JsonObject { ["code"] = Literal("E42"), ["message"] = Literal("Stock is negative.") })
            .Connect("start", "boom");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("fault", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(boom)").And.Contain("E42").And.Contain("Stock is negative.");
    }

    [Fact]
    public async Task RunAsync_FailingToolWithFailedPort_ContinuesOnTheFailedPort()
    {
        var flow = new FlowSpec("tool").Node("start", T.Start)
            .Node("lookup", T.Tool, new JsonObject { ["tool"] = Literal("crm.missing"), ["arguments"] = Object(new { id = 1 }) })
            .Node("fallback", T.SetOutput, new JsonObject { ["outputName"] = Literal("path"), ["outputValue"] = Literal("fallback") })
            .Connect("start", "lookup").Connect("lookup", "fallback", "Failed");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("tool", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["path"]!.GetValue<string>().Should().Be("fallback");
        Nodes(done)["lookup"]!["state"]!.GetValue<string>().Should().Be("failed");
        Nodes(done)["lookup"]!["error"]!.GetValue<string>().Should().Contain("crm.missing");
    }

    [Fact]
    public async Task RunAsync_SwitchMatchFirst_TakesTheFirstMatchingCase()
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Small", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('amount') < 100" } },
            new JsonObject { ["label"] = "Large", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('amount') >= 100" } });
        var flow = new FlowSpec("switch").Node("start", T.Start)
            .Node("sw", T.FlowSwitch, new JsonObject { ["cases"] = cases, ["mode"] = Literal("MatchFirst") })
            .Node("small", T.SetOutput, new JsonObject { ["outputName"] = Literal("size"), ["outputValue"] = Literal("small") })
            .Node("large", T.SetOutput, new JsonObject { ["outputName"] = Literal("size"), ["outputValue"] = Literal("large") })
            .Node("other", T.SetOutput, new JsonObject { ["outputName"] = Literal("size"), ["outputValue"] = Literal("none") })
            .Connect("start", "sw").Connect("sw", "small", "Small").Connect("sw", "large", "Large").Connect("sw", "other", "Default");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var large = await host.RunAsync("switch", new { amount = 500 });
        var unknown = await host.RunAsync("switch", new { amount = "n/a" });

        JsonNode.Parse(large.Output!)!["size"]!.GetValue<string>().Should().Be("large");
        JsonNode.Parse(unknown.Output!)!["size"]!.GetValue<string>().Should().Be("none");
    }

    [Fact]
    public async Task RunAsync_ScriptThatNeverEnds_FailsTheNodeWithTheLimit()
    {
        var flow = new FlowSpec("spin").Variable("X", "Int32", "0").Node("start", T.Start)
            .Node("loop", T.SetVariable, new JsonObject { ["variable"] = new JsonObject { ["id"] = "X" }, ["value"] = Js("while (true) {} ") })
            .Connect("start", "loop");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("spin", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(loop)");
    }

    [Fact]
    public async Task RunAsync_RestartWhileWaitingForEvent_ResumesWithoutRepeatingTheHttpCall()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { ok = true });
        var flow = new FlowSpec("resume").Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal(endpoint.BaseUrl.TrimEnd('/') + "/notify"), ["method"] = Literal("POST") })
            .Node("wait", T.Event, new JsonObject { ["eventName"] = Literal("go") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("done"), ["outputValue"] = Literal(true, "Boolean") })
            .Chain("start", "call", "wait", "out").Build();
        string id;
        await using (var first = await FlowHost.StartAsync(_folder.Path, [flow]))
        {
            id = (await first.Client.StartAsync(new Core.Client.StartWorkflowRequest("resume"))).InstanceId;
            await WaitForNodeStateAsync(first, id, "wait", "waiting");
        }

        await using var second = await FlowHost.StartAsync(_folder.Path, [flow], cache: false);
        await second.Client.RaiseEventAsync(id, "go", null);
        var done = await second.WaitAsync(id);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        endpoint.Requests.Should().ContainSingle();
    }

    private static JsonObject Nodes(InstanceRecord instance) =>
        JsonNode.Parse(instance.CustomStatus!)!["flow"]!["nodes"]!.AsObject();

    private static async Task<InstanceRecord> WaitForNodeStateAsync(WorkflowTestHost host, string id, string node, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var instance = await host.Client.GetInstanceAsync(id);
            if (instance?.CustomStatus is { } status && JsonNode.Parse(status)?["flow"]?["nodes"]?[node]?["state"]?.GetValue<string>() == state)
            {
                return instance;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Node '{node}' of {id} did not reach '{state}'.");
    }
}
