using Orchestrator.Core.History;

namespace Orchestrator.Core.Client;

/// <summary>A committed change of an instance, as seen by watchers.</summary>
/// <param name="InstanceId">The instance.</param>
public abstract record InstanceChange(string InstanceId);

/// <summary>The instance's status or custom status changed.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">The new status.</param>
/// <param name="CustomStatus">The custom status JSON.</param>
public sealed record InstanceStatusChanged(string InstanceId, InstanceStatus Status, string? CustomStatus) : InstanceChange(InstanceId);

/// <summary>Events were appended to the instance's history.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Events">The new events.</param>
/// <param name="HistoryReplaced">True when the history was replaced (continue-as-new, restart) rather than appended.</param>
public sealed record InstanceHistoryAppended(string InstanceId, IReadOnlyList<HistoryEvent> Events, bool HistoryReplaced) : InstanceChange(InstanceId);

/// <summary>Something transient that is not part of history (e.g. an activity attempt starting or a model token).</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Kind">What kind of signal, e.g. <c>activityStarted</c>.</param>
/// <param name="DataJson">Its data as JSON text.</param>
public sealed record InstanceSignal(string InstanceId, string Kind, string? DataJson) : InstanceChange(InstanceId);
