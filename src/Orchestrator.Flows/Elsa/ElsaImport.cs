using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Elsa;

/// <summary>
/// What an import of an Elsa 3 export needs beyond reading it: which activity types it uses that cannot run here
/// (docs/flows.md: such a flow is refused at import with the list, or stored as-is, never silently dropped).
/// </summary>
public static class ElsaImport
{
    /// <summary>
    /// The activity types of a flow that are not in <see cref="FlowActivityTypes.Runnable"/>, one entry per type in the
    /// order they first appear, each with the ids of its nodes. A root that is not an <c>Elsa.Flowchart</c> is listed too
    /// (with the root's id). Empty when every node can run.
    /// </summary>
    /// <param name="doc">The flow, as read by <see cref="ElsaJson.Read(string)"/>.</param>
    /// <returns>The unsupported types.</returns>
    public static IReadOnlyList<UnsupportedActivity> FindUnsupported(FlowDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string type, string id)
        {
            if (!found.TryGetValue(type, out var ids))
            {
                found[type] = ids = [];
                order.Add(type);
            }

            ids.Add(id);
        }

        if (doc.Root.Type != FlowActivityTypes.Flowchart)
        {
            Add(doc.Root.Type, doc.Root.Id);
        }

        foreach (var activity in doc.Root.Activities)
        {
            if (!FlowActivityTypes.Runnable.Contains(activity.Type))
            {
                Add(activity.Type, activity.Id);
            }
        }

        return [.. order.Select(type => new UnsupportedActivity(type, found[type]))];
    }
}
