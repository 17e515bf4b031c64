namespace Orchestrator.Core.Storage;

/// <summary>
/// One usage entry, written with the step that reported it. The store adds the root of the instance's tree and the
/// root's workflow when it writes the entry (see <see cref="IUsageStore"/>).
/// </summary>
/// <param name="InstanceId">The instance whose step used it.</param>
/// <param name="TaskId">The step's task id.</param>
/// <param name="Workflow">The instance's workflow.</param>
/// <param name="Agent">The agent the step acted as, if any.</param>
/// <param name="User">The person the step acted for, if known.</param>
/// <param name="Report">The tokens, model and cost.</param>
/// <param name="At">When it was recorded.</param>
public sealed record UsageRecord(string InstanceId, int TaskId, string Workflow, string? Agent, string? User, UsageReport Report, DateTime At);
