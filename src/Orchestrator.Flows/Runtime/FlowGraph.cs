using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>A flowchart indexed for running: nodes by id, targets by (node, outcome) in document order, inbound edges.</summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, FlowActivity> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<FlowConnection>>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FlowConnection>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public FlowGraph(FlowChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        foreach (var activity in chart.Activities)
        {
            _nodes.TryAdd(activity.Id, activity);
        }

        foreach (var connection in chart.Connections)
        {
            if (!_nodes.ContainsKey(connection.Source) || !_nodes.ContainsKey(connection.Target))
            {
                continue;
            }

            if (!_outgoing.TryGetValue(connection.Source, out var ports))
            {
                ports = new Dictionary<string, List<FlowConnection>>(StringComparer.OrdinalIgnoreCase);
                _outgoing[connection.Source] = ports;
            }

            if (!ports.TryGetValue(connection.SourcePort, out var list))
            {
                list = [];
                ports[connection.SourcePort] = list;
            }

            list.Add(connection);
            if (!_inbound.TryGetValue(connection.Target, out var inbound))
            {
                inbound = [];
                _inbound[connection.Target] = inbound;
            }

            inbound.Add(connection);
        }

        Starts = FindStarts(chart);
        foreach (var join in chart.Activities.Where(a => a.Type == FlowActivityTypes.FlowJoin))
        {
            _ancestors[join.Id] = Ancestors(join.Id);
        }
    }

    /// <summary>Where a run begins: the <c>start</c> the root names, else <c>Elsa.Start</c> nodes, else nodes without inbound edges.</summary>
    public IReadOnlyList<string> Starts { get; }

    public IEnumerable<FlowActivity> Nodes => _nodes.Values;

    public FlowActivity Node(string id) => _nodes[id];

    /// <summary>The connections leaving a node's outcome, in document order.</summary>
    public IReadOnlyList<FlowConnection> Targets(string nodeId, string outcome) =>
        _outgoing.TryGetValue(nodeId, out var ports) && ports.TryGetValue(outcome, out var list) ? list : [];

    /// <summary>Whether any connection leaves a node's outcome.</summary>
    public bool HasPort(string nodeId, string outcome) => Targets(nodeId, outcome).Count > 0;

    /// <summary>The outcomes of a node that have connections, in document order.</summary>
    public IEnumerable<string> ConnectedPorts(string nodeId) =>
        _outgoing.TryGetValue(nodeId, out var ports) ? ports.Keys : [];

    public IReadOnlyList<FlowConnection> Inbound(string nodeId) => _inbound.TryGetValue(nodeId, out var list) ? list : [];

    /// <summary>Whether a token at <paramref name="nodeId"/> could still reach the join (the join itself excluded).</summary>
    public bool CanReach(string nodeId, string joinId) => _ancestors.TryGetValue(joinId, out var set) && set.Contains(nodeId);

    private HashSet<string> Ancestors(string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([target]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var edge in Inbound(current))
            {
                if (edge.Source != target && seen.Add(edge.Source))
                {
                    queue.Enqueue(edge.Source);
                }
            }
        }

        return seen;
    }

    private List<string> FindStarts(FlowChart chart)
    {
        if (chart.Properties.Find("start") is { } start && Expressions.FlowValues.Text(start) is { } startId && _nodes.ContainsKey(startId))
        {
            return [startId];
        }

        var starts = chart.Activities.Where(a => a.Type == FlowActivityTypes.Start).Select(a => a.Id).Distinct().ToList();
        if (starts.Count > 0)
        {
            return starts;
        }

        starts = [.. chart.Activities.Where(a => !_inbound.ContainsKey(a.Id)).Select(a => a.Id).Distinct()];
        return starts.Count > 0 || chart.Activities.Count == 0 ? starts : [chart.Activities[0].Id];
    }
}
