using System.Text.Json.Nodes;
using CsCheck;
using Orchestrator.Flows.Elsa;

namespace Orchestrator.Flows.Tests.Elsa;

/// <summary>
/// Random definitions, each rendered twice: once as the writer writes (camelCase, current connections, plain arrays)
/// and once in a random mix of the tolerated styles (PascalCase keys, legacy flat connections, <c>$values</c> wrappers).
/// Both must read as the same graph, and every document must round-trip.
/// </summary>
public sealed class ElsaJsonPropertyTests
{
    private static readonly string[] Types =
    [
        "Elsa.Start", "Elsa.End", "Elsa.WriteLine", "Elsa.FlowDecision", "Elsa.FlowFork", "Elsa.FlowJoin", "Elsa.SetVariable",
        "Orchestrator.Agent", "Orchestrator.Tool", "Elsa.Agents.Writer", "Elsa.If", "Acme.Custom",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf("", "Hello", "getCounter() + 1", "{{ Variables.X }}", "[\"a\",\"b\"]", "quote \" and \\ slash", "ünïcødé ✓", "00:00:05"),
        Gen.Char['a', 'z'].Array[0, 8].Select(c => new string(c)));

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf<JsonNode?>(
        Text.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int[-5, 1000].Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const((JsonNode?)null));

    private static readonly Gen<Input> InputGen = Gen.Select(
        Gen.OneOf("text", "condition", "prompt", "url", "customInput", "result"),
        Gen.OneOf("String", "Object", "Boolean", "String[]"),
        Gen.OneOf("Literal", "JavaScript", "Liquid", "Object", "Variable", "CSharp", null),
        Leaf,
        Gen.Int[0, 3],
        (key, typeName, expressionType, value, kind) => new Input(key, typeName, expressionType, value, kind));

    private static readonly Gen<Activity> ActivityGen = Gen.Select(
        Gen.Int[0, 9],
        Gen.OneOf(Types),
        Gen.OneOf<string?>(null, "Step", "Ünï"),
        Gen.Int[1, 3],
        InputGen.List[0, 3],
        Leaf,
        (idKind, type, name, version, inputs, extra) => new Activity(idKind, type, name, version, inputs, extra));

    internal static readonly Gen<Spec> SpecGen =
        from activities in ActivityGen.List[0, 7]
        from connections in Gen.Select(Gen.Int[0, 8], Gen.OneOf("Done", "True", "Unmatched status code", ""), Gen.Int[0, 8], Gen.Int[0, 2],
            (s, p, t, v) => new Connection(s, p, t, v)).List[0, 9]
        from variables in Gen.Select(Gen.OneOf("v1", "v2", "v3"), Gen.OneOf("Count", "Name"), Leaf, Gen.Bool,
            (id, n, value, array) => new Variable(id, n, value, array)).List[0, 3]
        from version in Gen.Int[0, 4]
        from pascal in Gen.Bool
        from legacy in Gen.Bool
        from wrap in Gen.Bool
        select new Spec(activities, connections, variables, version, pascal, legacy, wrap);

    [Fact]
    public void Read_AnyToleratedStyle_ReadsTheSameGraphAsTheCurrentStyle()
    {
        SpecGen.Sample(spec =>
        {
            var plain = ElsaJson.Read(Render(spec with { Pascal = false, Legacy = false, Wrap = false }));
            var styled = ElsaJson.Read(Render(spec));

            FlowGraph.Of(styled).Should().Equal(FlowGraph.Of(plain));
        }, iter: 300);
    }

    [Fact]
    public void ReadWriteRead_RandomDocument_GivesTheSameGraphAndStableText()
    {
        SpecGen.Sample(spec =>
        {
            var first = ElsaJson.Read(Render(spec));
            var written = ElsaJson.Write(first);
            var second = ElsaJson.Read(written);

            FlowGraph.Of(second).Should().Equal(FlowGraph.Of(first));
            ElsaJson.Write(second).Should().Be(written);
        }, iter: 300);
    }

    internal static string Render(Spec spec)
    {
        string K(string key) => spec.Pascal ? char.ToUpperInvariant(key[0]) + key[1..] : key;
        JsonNode List(IEnumerable<JsonNode?> items) => spec.Wrap
            ? new JsonObject { ["$id"] = "1", ["$values"] = new JsonArray([.. items]) }
            : new JsonArray([.. items]);
        string Id(int i) => $"n{i}";

        var activities = spec.Activities.Select((a, i) =>
        {
            var o = new JsonObject { [K("type")] = a.Type, [K("version")] = a.Version };
            if (a.IdKind > 0)
            {
                o[K("id")] = Id(i);
            }

            if (a.Name is not null)
            {
                o[K("name")] = a.Name + i;
            }

            foreach (var input in a.Inputs.DistinctBy(x => x.Key))
            {
                o[K(input.Key)] = input.Kind switch
                {
                    0 => new JsonObject { [K("typeName")] = input.TypeName, [K("memoryReference")] = new JsonObject { [K("id")] = "v1" } },
                    1 => input.Value?.DeepClone(),
                    _ => input.ExpressionType is null
                        ? new JsonObject { [K("typeName")] = input.TypeName }
                        : new JsonObject
                        {
                            [K("typeName")] = input.TypeName,
                            [K("expression")] = new JsonObject { [K("type")] = input.ExpressionType, [K("value")] = input.Value?.DeepClone() },
                        },
                };
            }

            o[K("customProperties")] = new JsonObject { ["canStartWorkflow"] = i == 0, ["retry"] = new JsonObject { ["maxAttempts"] = a.Version } };
            o[K("metadata")] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = i * 10, ["y"] = 0 } } };
            o["x-extra"] = new JsonObject { ["keep"] = a.Extra?.DeepClone(), ["Nested"] = new JsonArray(1, "two") };
            return (JsonNode?)o;
        });
        var connections = spec.Connections.Select(c =>
        {
            var vertices = Enumerable.Range(0, c.Vertices).Select(v => (JsonNode?)new JsonObject { [K("x")] = v, [K("y")] = 1.5 });
            JsonObject o = spec.Legacy
                ? new JsonObject { [K("source")] = Id(c.Source), [K("target")] = Id(c.Target), [K("sourcePort")] = c.Port, [K("targetPort")] = "In" }
                : new JsonObject
                {
                    [K("source")] = new JsonObject { [K("activity")] = Id(c.Source), [K("port")] = c.Port },
                    [K("target")] = new JsonObject { [K("activity")] = Id(c.Target), [K("port")] = "In" },
                };
            if (c.Vertices > 0)
            {
                o[K("vertices")] = List(vertices);
            }

            return (JsonNode?)o;
        });
        var variables = spec.Variables.Select(v => (JsonNode?)new JsonObject
        {
            [K("id")] = v.Id,
            [K("name")] = v.Name,
            [K("typeName")] = "Object",
            [K("isArray")] = v.IsArray,
            [K("value")] = v.Value?.DeepClone(),
            [K("storageDriverTypeName")] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
        });
        var doc = new JsonObject { [K("definitionId")] = "random", [K("name")] = "Random flow" };
        if (spec.Version > 0)
        {
            doc[K("version")] = spec.Version;
        }

        doc[K("variables")] = List(variables);
        doc[K("toolVersion")] = "3.6.0.0";
        doc[K("root")] = new JsonObject
        {
            [K("id")] = "fc",
            [K("type")] = "Elsa.Flowchart",
            [K("activities")] = List(activities),
            [K("connections")] = List(connections),
        };
        return doc.ToJsonString();
    }

    internal sealed record Input(string Key, string TypeName, string? ExpressionType, JsonNode? Value, int Kind);

    internal sealed record Activity(int IdKind, string Type, string? Name, int Version, List<Input> Inputs, JsonNode? Extra);

    internal sealed record Connection(int Source, string Port, int Target, int Vertices);

    internal sealed record Variable(string Id, string Name, JsonNode? Value, bool IsArray);

    internal sealed record Spec(List<Activity> Activities, List<Connection> Connections, List<Variable> Variables, int Version, bool Pascal, bool Legacy, bool Wrap);
}
