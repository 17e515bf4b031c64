using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Orchestrator.Core;
using Orchestrator.Flows.Definitions;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>A node that breaks a limit fails, by its <c>Failed</c> port when it has one; the instance and the process go on.</summary>
public sealed class FlowLimitsTests : IDisposable
{
    private static readonly FlowOptions SmallOutputs = new() { MaxNodeOutputBytes = 10_000 };

    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_ScriptStringifyingADeepObject_FailsTheInstanceNamingTheNodeAndTheLimit()
    {
        var flow = new FlowSpec("deep").Variable("X", "Object").Node("start", T.Start)
            .Node("deep", T.SetVariable, new JsonObject
            {
                ["variable"] = new JsonObject { ["id"] = "X" },
                ["value"] = Js("let o = {}; for (let i = 0; i < 100000; i++) { o = { a: o }; } JSON.stringify(o)"),
            })
            .Connect("start", "deep");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("deep", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(deep)").And.Contain("deeper than the stack allows");
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "more than the limit")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", "more than 100,000 steps")]
    public async Task RunAsync_LiquidTemplatePastItsLimits_FailsTheInstanceNamingTheNode(string template, string limit)
    {
        var flow = new FlowSpec("liquid").Node("start", T.Start)
            .Node("render", T.SetOutput, new JsonObject { ["outputName"] = Literal("text"), ["outputValue"] = Liquid(template) })
            .Connect("start", "render");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("liquid", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("render").And.Contain(limit);
        (await host.RunAsync("liquid", null)).Status.Should().Be(InstanceStatus.Failed, "the engine goes on running flows");
    }

    [Fact]
    public async Task RunAsync_OutputOverTheLimit_FailsTheNodeNamingTheLimitAndTheSetting()
    {
        var flow = new FlowSpec("big").Node("start", T.Start)
            .Node("big", T.SetOutput, new JsonObject { ["outputName"] = Literal("text"), ["outputValue"] = Js("'x'.repeat(20000)") })
            .Connect("start", "big");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], options: SmallOutputs);

        var done = await host.RunAsync("big", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(big)").And.Contain("10,000 bytes").And.Contain(FlowOptions.MaxNodeOutputBytesKey);
    }

    [Fact]
    public async Task RunAsync_FlowOutputGrowingPastTheLimit_FailsTheNodeThatWouldPassIt()
    {
        var flow = new FlowSpec("many").Node("start", T.Start)
            .Node("a", T.SetOutput, new JsonObject { ["outputName"] = Literal("a"), ["outputValue"] = Js("'x'.repeat(6000)") })
            .Node("b", T.SetOutput, new JsonObject { ["outputName"] = Literal("b"), ["outputValue"] = Js("'y'.repeat(6000)") })
            .Chain("start", "a", "b");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], options: SmallOutputs);

        var done = await host.RunAsync("many", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(b)").And.Contain("the flow's output");
    }

    [Fact]
    public async Task RunAsync_HttpAnswerOverTheLimitWithFailedPort_ContinuesOnTheFailedPort()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { data = new string('x', 50_000) });
        var flow = new FlowSpec("large-answer").Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal(endpoint.BaseUrl + "data") })
            .Node("fallback", T.SetOutput, new JsonObject { ["outputName"] = Literal("path"), ["outputValue"] = Literal("fallback") })
            .Connect("start", "call").Connect("call", "fallback", "Failed");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()], options: SmallOutputs);

        var done = await host.RunAsync("large-answer", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["path"]!.GetValue<string>().Should().Be("fallback");
        JsonNode.Parse(done.CustomStatus!)!["flow"]!["nodes"]!["call"]!["error"]!.GetValue<string>().Should().Contain(FlowOptions.MaxNodeOutputBytesKey);
    }

    [Fact]
    public async Task RunAsync_HttpAnswerNestedPastTheValueDepth_FailsTheNodeNamingTheLimit()
    {
        JsonNode deep = new JsonObject { ["leaf"] = true };
        for (var i = 0; i < 40; i++)
        {
            deep = new JsonObject { ["a"] = deep };
        }

        await using var endpoint = await RecordingHttpEndpoint.StartAsync(deep);
        var flow = new FlowSpec("deep-answer").Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal(endpoint.BaseUrl + "data") })
            .Connect("start", "call");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("deep-answer", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(call)").And.Contain("nests deeper than the limit of 32 levels");
    }

    [Fact]
    public async Task RunAsync_LoopThatNeverWaits_FailsNamingTheLimitInsteadOfRunningForever()
    {
        var flow = new FlowSpec("spin-graph").Node("start", T.Start)
            .Node("again", T.FlowDecision, new JsonObject { ["condition"] = Literal(false, "Boolean") })
            .Node("note", T.WriteLine, new JsonObject { ["text"] = Literal("round") })
            .Connect("start", "again").Connect("again", "note", "False").Connect("note", "again");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("spin-graph", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("10,000 nodes in a row without waiting").And.Contain("a loop that does not end");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    public void Configure_MaxNodeOutputBytesNotAPositiveNumber_IsRefusedNamingTheKey(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FlowOptions.MaxNodeOutputBytesKey] = value }).Build();

        var act = () => new FlowOptions().Configure(configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{FlowOptions.MaxNodeOutputBytesKey}*'{value}'*");
    }

    [Fact]
    public void Configure_MaxNodeOutputBytesSet_IsTaken()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FlowOptions.MaxNodeOutputBytesKey] = "2048" }).Build();

        new FlowOptions().Configure(configuration).MaxNodeOutputBytes.Should().Be(2048);
    }
}
