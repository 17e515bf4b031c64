using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Expressions;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// The instance's custom status while a flow runs:
/// <c>{"waitingFor":"approval:&lt;taskId&gt;"?,"flow":{"definitionId","name","version","nodes":{"&lt;id&gt;":{state,error?,input?,output?,usage?}}}}</c>.
/// Changes are collected and published once before the workflow next waits (the engine stores the status with the
/// step it commits), and only when something changed, so a long chain does not re-serialize the status per node.
/// </summary>
internal sealed class FlowStatus
{
    /// <summary>Inputs and outputs larger than this (as UTF-8 JSON) are shown as <c>{"truncated":true}</c>.</summary>
    public const int MaxValueBytes = 2048;

    /// <summary>The shortest time between two publications that are not forced.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    private readonly WorkflowContext _context;
    private readonly JsonObject _flow;
    private readonly JsonObject _nodes = [];
    private JsonObject? _root;
    private readonly List<string> _waitingFor = [];
    private bool _dirty;
    private DateTime? _lastFlush;

    public FlowStatus(WorkflowContext context, string definitionId, string name, int version)
    {
        _context = context;
        _flow = new JsonObject { ["definitionId"] = definitionId, ["name"] = name, ["version"] = version, ["nodes"] = _nodes };
    }

    public void Set(string nodeId, string state, string? error = null)
    {
        var node = Node(nodeId);
        if (FlowValuesText(node["state"]) != state)
        {
            node["state"] = state;
            _dirty = true;
        }

        if (error is not null || node.ContainsKey("error"))
        {
            if (error is null)
            {
                node.Remove("error");
            }
            else
            {
                node["error"] = error;
            }

            _dirty = true;
        }
    }

    /// <summary>Shows what a node was given; the status keeps <paramref name="input"/> itself (callers build it for this).</summary>
    public void SetInput(string nodeId, JsonObject input) => SetValue(nodeId, "input", input, owned: true);

    /// <summary>Shows what a node answered (a copy).</summary>
    public void SetOutput(string nodeId, JsonNode? output) => SetValue(nodeId, "output", output, owned: false);

    public void SetUsage(string nodeId, JsonObject? usage)
    {
        if (usage is not null)
        {
            Node(nodeId)["usage"] = usage.DeepClone();
            _dirty = true;
        }
    }

    public void Waiting(string waitingFor)
    {
        _waitingFor.Add(waitingFor);
        _dirty = true;
    }

    public void DoneWaiting(string waitingFor)
    {
        _dirty |= _waitingFor.Remove(waitingFor);
    }

    /// <summary>
    /// Publishes the status if anything changed, at most every <see cref="MinInterval"/> of the instance's recorded
    /// time unless forced: a chain of quick steps does not rewrite the status with every one,
    /// while a wait for a person, an event or a timer (forced) is shown at once.
    /// </summary>
    /// <param name="force">Publish regardless of the interval (before a long wait, at the end).</param>
    public void Flush(bool force = false)
    {
        if (!_dirty)
        {
            return;
        }

        var now = _context.CurrentUtcDateTime;
        if (!force && _lastFlush is { } last && now - last < MinInterval)
        {
            return;
        }

        _lastFlush = now;
        _dirty = false;
        _root?.Remove("flow"); // a node has one parent; the nodes move to the new root
        _root = [];
        if (_waitingFor.Count > 0)
        {
            _root["waitingFor"] = _waitingFor[0];
        }

        _root["flow"] = _flow;
        _context.SetCustomStatus(_root);
    }

    private void SetValue(string nodeId, string key, JsonNode? value, bool owned)
    {
        var node = Node(nodeId);
        if (value is null)
        {
            _dirty |= node.Remove(key);
            return;
        }

        node[key] = JsonSize.Of(value, MaxValueBytes) > MaxValueBytes ? new JsonObject { ["truncated"] = true } : owned ? value : value.DeepClone();
        _dirty = true;
    }

    private JsonObject Node(string nodeId)
    {
        if (_nodes[nodeId] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        _nodes[nodeId] = created;
        _dirty = true;
        return created;
    }

    private static string? FlowValuesText(JsonNode? node) => FlowValues.Text(node);
}
