using System.Globalization;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>Describes workflow actions in words, for non-determinism errors.</summary>
internal static class ActionDescriber
{
    public static string Describe(HistoryEvent action) => action switch
    {
        TaskScheduled t => $"call activity '{t.Name}'",
        TimerCreated t => $"create a timer for {t.FireAt.ToString("O", CultureInfo.InvariantCulture)}",
        SubOrchestrationInstanceCreated s => $"start sub-workflow '{s.Name}' ({s.InstanceId})",
        EventSent e => $"send event '{e.Name}' to '{e.InstanceId}'",
        GenericEvent g => $"record marker '{g.Data}'",
        _ => action.GetType().Name,
    };

    public static bool SameAction(HistoryEvent recorded, HistoryEvent produced) => (recorded, produced) switch
    {
        (TaskScheduled a, TaskScheduled b) => a.Name == b.Name,
        (TimerCreated, TimerCreated) => true,
        (SubOrchestrationInstanceCreated a, SubOrchestrationInstanceCreated b) => a.Name == b.Name,
        (EventSent a, EventSent b) => a.Name == b.Name && a.InstanceId == b.InstanceId,
        (GenericEvent a, GenericEvent b) => a.Data == b.Data,
        _ => false,
    };

    public static bool IsAction(HistoryEvent e) =>
        e is TaskScheduled or TimerCreated or SubOrchestrationInstanceCreated or EventSent or GenericEvent;
}
