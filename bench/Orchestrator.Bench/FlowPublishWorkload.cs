using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Flows;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Bench;

/// <summary>
/// Publishing a 200-node flow as the designer does (<c>POST /api/definitions/{id}/publish</c>): read the saved draft,
/// compare it with the latest version, validate every node and expression, compile it and store the new version in
/// SQLite. Each run publishes a changed draft, so every run writes a version.
/// </summary>
internal static class FlowPublishWorkload
{
    private const int Blocks = 20;
    private const int Runs = 21;
    private const string DefinitionId = "bench-flow200";

    public static async Task<BenchResult> RunAsync()
    {
        await using var host = await BenchEngine.StartAsync(register: o => BenchEngine.AddAgents(o).AddFlows());
        var definitions = host.Services.GetRequiredService<FlowDefinitionService>();
        var nodes = Flow(0)["root"]!["activities"]!.AsArray().Count;
        var first = Stopwatch.StartNew();
        await PublishAsync(definitions, 0);
        var cold = first.Elapsed.TotalMilliseconds;
        var publish = new List<double>();
        var validate = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            var json = Flow(run).ToJsonString();
            var watch = Stopwatch.StartNew();
            var problems = await definitions.ValidateAsync(FlowDefinitionService.Read(json));
            validate.Add(watch.Elapsed.TotalMilliseconds);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The benchmark flow has problems: {problems[0].NodeId}: {problems[0].Message}");
            }

            publish.Add(await PublishAsync(definitions, run));
        }

        publish.Sort();
        validate.Sort();
        var median = publish[Runs / 2];
        return new BenchResult("FLOW200", $"validate + publish a {nodes}-node flow (SQLite)", median, "ms median", "< 200 ms", median < 200,
            $"p95 {publish[(int)(Runs * 0.95)]:F1} ms, max {publish[^1]:F1} ms, validate alone median {validate[Runs / 2]:F1} ms, "
            + $"first save + publish in the process {cold:F0} ms (starts the JavaScript engine), {Runs} runs");
    }

    /// <summary>Saves the draft of run <paramref name="run"/> (not timed), then publishes it (timed).</summary>
    private static async Task<double> PublishAsync(FlowDefinitionService definitions, int run)
    {
        await definitions.SaveDraftAsync(Flow(run).ToJsonString(), "bench");
        var watch = Stopwatch.StartNew();
        var published = await definitions.PublishAsync(DefinitionId, "bench");
        watch.Stop();
        if (published.Version != run + 1)
        {
            throw new InvalidOperationException($"Run {run} published version {published.Version}.");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Start, <see cref="Blocks"/> blocks of ten nodes (set a variable, decide, log or call a tool, fork into a variable
    /// and a tool call, join, log, set an output), End: every kind of check the validator makes, JavaScript and Liquid.
    /// </summary>
    private static JsonObject Flow(int run)
    {
        var activities = new JsonArray { Node("start", FlowActivityTypes.Start) };
        var connections = new JsonArray();
        var previous = "start";
        for (var b = 0; b < Blocks; b++)
        {
            string Id(string name) => $"{name}{b}";
            activities.Add(Node(Id("set"), FlowActivityTypes.SetVariable, ("variable", Variable("v-counter", "Counter", "Int32")), ("value", Js("getCounter() + 1"))));
            activities.Add(Node(Id("decide"), FlowActivityTypes.FlowDecision, ("condition", Js("getCounter() % 2 == 0"))));
            activities.Add(Node(Id("even"), FlowActivityTypes.WriteLine, ("text", Liquid($"Run {run}: {{{{ Variables.Counter }}}} is even"))));
            activities.Add(Node(Id("odd"), FlowActivityTypes.Tool, ("tool", Literal("bench.echo")), ("arguments", Js("({ text: 'odd ' + getCounter() })"))));
            activities.Add(Node(Id("fork"), FlowActivityTypes.FlowFork, ("branches", Expression("Object", "[\"Note\",\"Call\"]"))));
            activities.Add(Node(Id("note"), FlowActivityTypes.SetVariable, ("variable", Variable("v-note", "Note", "String")), ("value", Js("'block " + b + " at ' + getCounter()"))));
            activities.Add(Node(Id("call"), FlowActivityTypes.Tool, ("tool", Literal("bench.echo")), ("arguments", Expression("Object", $"{{\"text\":\"block {b}\"}}"))));
            activities.Add(Node(Id("join"), FlowActivityTypes.FlowJoin, ("mode", Literal("WaitAll"))));
            activities.Add(Node(Id("log"), FlowActivityTypes.WriteLine, ("text", Liquid("{{ Variables.Note }}"))));
            activities.Add(Node(Id("output"), FlowActivityTypes.SetOutput, ("outputName", Literal("count")), ("outputValue", Js("getCounter()"))));
            connections.Add(Connection(previous, "Done", Id("set")));
            connections.Add(Connection(Id("set"), "Done", Id("decide")));
            connections.Add(Connection(Id("decide"), "True", Id("even")));
            connections.Add(Connection(Id("decide"), "False", Id("odd")));
            connections.Add(Connection(Id("even"), "Done", Id("fork")));
            connections.Add(Connection(Id("odd"), "Done", Id("fork")));
            connections.Add(Connection(Id("fork"), "Note", Id("note")));
            connections.Add(Connection(Id("fork"), "Call", Id("call")));
            connections.Add(Connection(Id("note"), "Done", Id("join")));
            connections.Add(Connection(Id("call"), "Done", Id("join")));
            connections.Add(Connection(Id("join"), "Done", Id("log")));
            connections.Add(Connection(Id("log"), "Done", Id("output")));
            previous = Id("output");
        }

        activities.Add(Node("end", FlowActivityTypes.End));
        connections.Add(Connection(previous, "Done", "end"));
        return new JsonObject
        {
            ["definitionId"] = DefinitionId,
            ["name"] = $"Benchmark flow, run {run}",
            ["variables"] = new JsonArray(Variable("v-counter", "Counter", "Int32", "0"), Variable("v-note", "Note", "String", "")),
            ["root"] = new JsonObject { ["id"] = "flowchart", ["type"] = FlowActivityTypes.Flowchart, ["activities"] = activities, ["connections"] = connections },
        };
    }

    private static JsonObject Node(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in inputs)
        {
            node[name] = value;
        }

        return node;
    }

    private static JsonObject Variable(string id, string name, string typeName = "Object", string? value = null)
    {
        var variable = new JsonObject { ["id"] = id, ["name"] = name, ["typeName"] = typeName };
        if (value is not null)
        {
            variable["value"] = value;
        }

        return variable;
    }

    private static JsonObject Expression(string type, string value) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonObject Literal(string value) => Expression("Literal", value);

    private static JsonObject Js(string value) => Expression("JavaScript", value);

    private static JsonObject Liquid(string value) => Expression("Liquid", value);

    private static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
