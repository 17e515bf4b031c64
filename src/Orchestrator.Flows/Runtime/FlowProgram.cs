using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// A published flow version made ready to run (graph indexed, scripts parsed) as the body of a durable workflow. One
/// program serves every instance of that version; each run keeps its own variables and tokens.
/// </summary>
public sealed class FlowProgram
{
    private readonly Dictionary<string, NodePolicy> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string NodeId, string Name), FlowInput?> _inputs = new();

    private FlowProgram(FlowDocument document, FlowOptions options)
    {
        Document = document;
        MaxOutputBytes = options.MaxNodeOutputBytes;
        Graph = new FlowGraph(document.Root);
        Expressions = new FlowExpressionEvaluator();
        foreach (var activity in document.Root.Activities)
        {
            _policies.TryAdd(activity.Id, NodePolicy.Read(activity));
            foreach (var (_, value) in activity.Properties)
            {
                if (value is JsonObject wrapped && wrapped.Find("expression") is JsonObject e
                    && e.Find("type") is JsonValue t && t.TryGetValue<string>(out var type))
                {
                    Expressions.Prepare(new FlowExpression(type, e.Find("value")));
                }
            }
        }
    }

    /// <summary>The flow this program runs.</summary>
    public FlowDocument Document { get; }

    internal FlowGraph Graph { get; }

    internal FlowExpressionEvaluator Expressions { get; }

    /// <summary>The largest output a node (and the flow) may produce, as UTF-8 JSON (<see cref="FlowOptions.MaxNodeOutputBytes"/>).</summary>
    internal int MaxOutputBytes { get; }

    /// <summary>A node's input, read from the document once per program.</summary>
    internal FlowInput? InputOf(FlowActivity node, string name) =>
        _inputs.GetOrAdd((node.Id, name), static (key, activity) => activity.Input(key.Name), node);

    /// <summary>A node's retry and timeout, read once per program.</summary>
    internal NodePolicy PolicyOf(FlowActivity node) => _policies.TryGetValue(node.Id, out var policy) ? policy : NodePolicy.Read(node);

    /// <summary>Prepares a flow; it should have no validation problems.</summary>
    /// <param name="document">The flow.</param>
    /// <returns>The program.</returns>
    public static FlowProgram Compile(FlowDocument document) => Compile(document, new FlowOptions());

    /// <summary>Prepares a flow with the given limits; it should have no validation problems.</summary>
    /// <param name="document">The flow.</param>
    /// <param name="options">The limits its nodes run inside.</param>
    /// <returns>The program.</returns>
    public static FlowProgram Compile(FlowDocument document, FlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        return new FlowProgram(document, options);
    }

    /// <summary>Runs the flow as the body of a durable workflow instance.</summary>
    /// <param name="context">The workflow context.</param>
    /// <param name="inputJson">The instance input (a JSON object of the flow's inputs), or null.</param>
    /// <returns>The output as JSON (an object of the values set with <c>Elsa.SetOutput</c>).</returns>
    public async Task<string?> RunAsync(WorkflowContext context, string? inputJson)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = string.IsNullOrWhiteSpace(inputJson) ? null : JsonNode.Parse(inputJson);
        var inputs = input as JsonObject ?? (input is null ? [] : new JsonObject { ["input"] = input });

        // A declared input the run was not given reads as null (getAmount() is null, not "not defined").
        foreach (var declared in Document.Inputs.Where(i => i.Name.Length > 0 && !inputs.ContainsKey(i.Name)))
        {
            inputs[declared.Name] = null;
        }

        var run = new FlowRun(this, context, inputs);
        var output = await run.RunAsync();
        return output.ToJsonString();
    }
}
