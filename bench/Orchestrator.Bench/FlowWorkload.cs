using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;

namespace Orchestrator.Bench;

/// <summary>
/// The cost of running a designer flow instead of code: a flow of 100 tool nodes against a code workflow that makes
/// the same 100 tool calls, on the same engine and store. The tool answers at once, so the difference is the
/// interpreter (expressions, variables, node status).
/// </summary>
internal static class FlowWorkload
{
    private const int Steps = 100;
    private const int Runs = 61;
    private const int Warmups = 10;

    public static async Task<BenchResult> RunAsync()
    {
        var program = FlowProgram.Compile(ToolChain(Steps));
        await using var host = await BenchEngine.StartAsync(register: o =>
        {
            FlowActivities.Register(BenchEngine.AddAgents(o));
            o.AddWorkflow<JsonElement?, int>("bench.code100", async (ctx, _) =>
            {
                for (var i = 0; i < Steps; i++)
                {
                    await ctx.CallToolAsync("bench.echo", new { text = $"step {i}" });
                }

                return Steps;
            });
            o.AddWorkflow<JsonElement?, JsonElement?>("bench.flow100", async (ctx, input) =>
                JsonSerializer.Deserialize<JsonElement?>(await program.RunAsync(ctx, input?.GetRawText()) ?? "null"));
        });
        var engine = host.Engine;
        for (var i = 0; i < Warmups; i++)
        {
            await RunAsync(engine.Client, "bench.code100");
            await RunAsync(engine.Client, "bench.flow100");
        }

        var code = new List<double>();
        var flow = new List<double>();
        long codeBytes = 0, flowBytes = 0;
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            code.Add(await RunAsync(engine.Client, "bench.code100"));
            var between = GC.GetTotalAllocatedBytes(precise: true);
            flow.Add(await RunAsync(engine.Client, "bench.flow100"));
            flowBytes += GC.GetTotalAllocatedBytes(precise: true) - between;
            codeBytes += between - before;
        }

        code.Sort();
        flow.Sort();
        var overhead = (flow[Runs / 2] / code[Runs / 2] - 1) * 100;
        return new BenchResult("FLOW100", $"{Steps} tool steps as a designer flow vs the same steps in code", overhead, "% over code", "≤ 20 %", overhead <= 20,
            $"flow median {flow[Runs / 2]:F0} ms ({Steps / flow[Runs / 2] * 1000:F0} steps/s), code median {code[Runs / 2]:F0} ms ({Steps / code[Runs / 2] * 1000:F0} steps/s), {Runs} runs each, alternating after {Warmups} warm-ups; "
            + $"allocated per run: flow {flowBytes / Runs / 1024:N0} KiB, code {codeBytes / Runs / 1024:N0} KiB");
    }

    private static async Task<double> RunAsync(IWorkflowClient client, string workflow)
    {
        var watch = Stopwatch.StartNew();
        var started = await client.StartAsync(new StartWorkflowRequest(workflow));
        var done = await client.WaitForCompletionAsync(started.InstanceId);
        watch.Stop();
        if (done.Status != InstanceStatus.Completed)
        {
            throw new InvalidOperationException($"{workflow} ended {done.Status}: {done.Error?.ErrorMessage}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Start, then <paramref name="steps"/> tool nodes whose arguments are Liquid-free literals, then End.</summary>
    internal static FlowDocument ToolChain(int steps)
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = FlowActivityTypes.Start } };
        var connections = new JsonArray();
        var previous = "start";
        for (var i = 0; i < steps; i++)
        {
            var id = $"tool{i}";
            activities.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = FlowActivityTypes.Tool,
                ["tool"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "bench.echo" } },
                ["arguments"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = $"{{\"text\":\"step {i}\"}}" } },
            });
            connections.Add(Connection(previous, id));
            previous = id;
        }

        activities.Add(new JsonObject { ["id"] = "end", ["type"] = FlowActivityTypes.End });
        connections.Add(Connection(previous, "end"));
        return ElsaJson.Read(new JsonObject
        {
            ["definitionId"] = "bench-flow100",
            ["root"] = new JsonObject { ["type"] = FlowActivityTypes.Flowchart, ["activities"] = activities, ["connections"] = connections },
        });
    }

    private static JsonObject Connection(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
