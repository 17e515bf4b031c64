using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>One validation: the flow, what it is checked against, lookups built once, and the problems found so far.</summary>
internal sealed class ValidationRun
{
    private readonly List<(int Order, FlowProblem Problem)> _problems = [];
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);
    private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);

    /// <summary>The accessor functions a script can call: the built-in ones, and one pair per declared variable and input.</summary>
    private readonly HashSet<string> _accessors = new(StringComparer.Ordinal) { "getVariable", "setVariable", "getInput", "getOutput" };

    public ValidationRun(FlowDocument doc, FlowValidationContext context)
    {
        Doc = doc;
        Context = context;
        for (var i = 0; i < doc.Root.Activities.Count; i++)
        {
            _order.TryAdd(doc.Root.Activities[i].Id, i);
        }

        foreach (var v in doc.AllVariables)
        {
            _variables.Add(v.Id);
            _variables.Add(v.Name);
            AddAccessors(v.Name, "get", "set");
        }

        foreach (var input in doc.Inputs)
        {
            _inputs.Add(input.Name);
            AddAccessors(input.Name, "getInput", "get");
        }
    }

    public FlowDocument Doc { get; }

    public FlowValidationContext Context { get; }

    /// <summary>Whether a variable of that id or name is declared on the workflow or the flowchart.</summary>
    public bool HasVariable(string idOrName) => _variables.Contains(idOrName);

    /// <summary>
    /// Whether a function a script calls by a bare name is one the runtime provides, when it looks like an accessor
    /// (<c>get…</c>/<c>set…</c>); other names (JavaScript's own functions) are not judged.
    /// </summary>
    public bool IsKnownAccessor(string function) =>
        !(function.Length > 3 && (function.StartsWith("get", StringComparison.Ordinal) || function.StartsWith("set", StringComparison.Ordinal)))
        || _accessors.Contains(function);

    /// <summary>Whether a workflow input of that name is declared.</summary>
    public bool HasInput(string name) => _inputs.Contains(name);

    /// <summary>How a message names a node: <c>Node 'Refund' (http1)</c>, or <c>Node 'http1'</c> when it has no other name.</summary>
    public static string Node(FlowActivity activity) =>
        activity.DisplayName == activity.Id ? $"Node '{activity.Id}'" : $"Node '{activity.DisplayName}' ({activity.Id})";

    public void Report(FlowActivity activity, string code, string message) => ReportAt(activity.Id, code, $"{Node(activity)}: {message}");

    public void ReportAt(string? nodeId, string code, string message)
    {
        var order = nodeId is not null && _order.TryGetValue(nodeId, out var i) ? i : -1;
        _problems.Add((order, new FlowProblem(nodeId, code, message)));
    }

    /// <summary>The problems: the document's own first, then by node in document order, each node's in the order found.</summary>
    public IReadOnlyList<FlowProblem> Problems() =>
        [.. _problems.OrderBy(p => p.Order).Select(p => p.Problem)];

    private void AddAccessors(string name, params string[] prefixes)
    {
        if (!Expressions.JavaScriptSandbox.IsIdentifier(name))
        {
            return;
        }

        foreach (var suffix in Expressions.JavaScriptSandbox.Suffixes(name))
        {
            foreach (var prefix in prefixes)
            {
                _accessors.Add(prefix + suffix);
            }
        }
    }
}
