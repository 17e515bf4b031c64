using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Reads of human tasks. Writes go through the engine's batched writes (<c>CreateHumanTaskWrite</c>,
/// <c>DecideHumanTaskWrite</c>, <c>UpdateHumanTaskWrite</c>), so a decision and the event it raises commit together.
/// </summary>
public interface IHumanTaskStore
{
    /// <summary>One task, or null.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The task.</returns>
    Task<HumanTask?> GetHumanTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Tasks matching the query: overdue first, then newest first.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tasks.</returns>
    Task<IReadOnlyList<HumanTask>> QueryHumanTasksAsync(HumanTaskQuery query, CancellationToken cancellationToken);
}
