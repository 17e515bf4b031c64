using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>
/// The rules on the flowchart as a graph: the root is a flowchart, ids are unique, connections join existing nodes
/// from outcomes their source has, every node is reachable from the start, and every join has a fork before it.
/// Everything is linear in nodes plus connections.
/// </summary>
internal static class GraphRules
{
    public static void Check(ValidationRun run)
    {
        var chart = run.Doc.Root;
        if (chart.Type != FlowActivityTypes.Flowchart)
        {
            run.ReportAt(chart.Id, FlowProblemCodes.InvalidRoot,
                $"The flow's root is '{chart.Type}', not a flowchart. Only flowcharts (Elsa.Flowchart) run here; rebuild the flow as a flowchart.");
            return;
        }

        var activities = chart.Activities;
        if (activities.Count == 0)
        {
            run.ReportAt(null, FlowProblemCodes.NoStart, "The flow is empty. Add a Start node and connect the steps after it.");
            return;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            if (!index.TryAdd(activities[i].Id, i))
            {
                run.Report(activities[i], FlowProblemCodes.DuplicateId,
                    $"another node has the same id '{activities[i].Id}'. Give each node its own id.");
            }
        }

        var next = new List<int>[activities.Count];
        var inbound = new int[activities.Count];
        var outcomes = new Dictionary<int, (IReadOnlyCollection<string>? Known, bool AnyStatusCode)>();
        foreach (var c in chart.Connections)
        {
            var hasSource = index.TryGetValue(c.Source, out var s);
            var hasTarget = index.TryGetValue(c.Target, out var t);
            if (!hasSource || !hasTarget)
            {
                Dangling(run, c, hasSource ? activities[s] : null, hasTarget ? activities[t] : null);
                continue;
            }

            (next[s] ??= []).Add(t);
            inbound[t]++;
            if (!outcomes.TryGetValue(s, out var known))
            {
                outcomes[s] = known = (ActivityOutcomes.Of(activities[s], out var any), any);
            }

            Port(run, activities[s], c, known.Known, known.AnyStatusCode);
        }

        var starts = Starts(chart, index, inbound);
        if (starts.Count == 0)
        {
            run.ReportAt(null, FlowProblemCodes.NoStart,
                "The flow has no starting point: every node has an incoming connection. Add a Start node and connect it to the first step.");
        }
        else
        {
            var reached = Reach(starts, next, activities.Count);
            for (var i = 0; i < activities.Count; i++)
            {
                if (!reached[i] && index[activities[i].Id] == i)
                {
                    run.Report(activities[i], FlowProblemCodes.UnreachableNode,
                        "it cannot be reached from the start. Connect it to a step before it, or delete it.");
                }
            }
        }

        var forks = new List<int>();
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Type == FlowActivityTypes.FlowFork)
            {
                forks.AddRange(next[i] ?? []);
            }
        }

        var afterFork = Reach(forks, next, activities.Count);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Type == FlowActivityTypes.FlowJoin && !afterFork[i])
            {
                run.Report(activities[i], FlowProblemCodes.JoinWithoutFork,
                    "no fork comes before this join, so it has no branches to wait for. Put a Fork before the branches it joins, or delete the join.");
            }
        }
    }

    private static void Dangling(ValidationRun run, FlowConnection c, FlowActivity? source, FlowActivity? target)
    {
        const string Fix = "Delete the connection or connect it again.";
        static string Name(string id) => id.Length == 0 ? "no node" : $"node '{id}', which does not exist";
        if (source is not null)
        {
            run.Report(source, FlowProblemCodes.DanglingConnection, $"its '{c.SourcePort}' connection goes to {Name(c.Target)}. {Fix}");
        }
        else if (target is not null)
        {
            run.Report(target, FlowProblemCodes.DanglingConnection, $"a connection comes to it from {Name(c.Source)}. {Fix}");
        }
        else
        {
            run.ReportAt(null, FlowProblemCodes.DanglingConnection,
                $"A connection goes from '{c.Source}' to '{c.Target}', and neither node exists. {Fix}");
        }
    }

    private static void Port(ValidationRun run, FlowActivity source, FlowConnection c, IReadOnlyCollection<string>? known, bool anyStatusCode)
    {
        if (known is null || known.Contains(c.SourcePort)
            || (anyStatusCode && int.TryParse(c.SourcePort, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return;
        }

        run.Report(source, FlowProblemCodes.UnknownPort, known.Count == 0
            ? $"a connection leaves it from '{c.SourcePort}', but this node ends its path and has no outcomes. Delete the connection."
            : $"a connection leaves it from '{c.SourcePort}', which is not one of its outcomes ({string.Join(", ", known)}). Connect it from one of those.");
    }

    /// <summary>
    /// Where the flow starts: the legacy <c>start</c> id of the root, every <c>Elsa.Start</c> and every node marked
    /// <c>canStartWorkflow</c>; when there is none of those, every node without incoming connections.
    /// </summary>
    private static List<int> Starts(FlowChart chart, Dictionary<string, int> index, int[] inbound)
    {
        var starts = new List<int>();
        if (chart.Properties.Find("start") is JsonValue v && v.TryGetValue<string>(out var startId) && index.TryGetValue(startId, out var legacy))
        {
            starts.Add(legacy);
        }

        for (var i = 0; i < chart.Activities.Count; i++)
        {
            var a = chart.Activities[i];
            if (a.Type == FlowActivityTypes.Start || CanStartWorkflow(a))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            for (var i = 0; i < chart.Activities.Count; i++)
            {
                if (inbound[i] == 0)
                {
                    starts.Add(i);
                }
            }
        }

        return starts;
    }

    private static bool CanStartWorkflow(FlowActivity a)
    {
        var flag = (a.Property("customProperties") as JsonObject)?.Find("canStartWorkflow") ?? a.Property("canStartWorkflow");
        return flag is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out b) && b);
    }

    private static bool[] Reach(List<int> from, List<int>[] next, int count)
    {
        var reached = new bool[count];
        var queue = new Queue<int>();
        foreach (var i in from)
        {
            if (!reached[i])
            {
                reached[i] = true;
                queue.Enqueue(i);
            }
        }

        while (queue.TryDequeue(out var i))
        {
            foreach (var j in next[i] ?? [])
            {
                if (!reached[j])
                {
                    reached[j] = true;
                    queue.Enqueue(j);
                }
            }
        }

        return reached;
    }
}
