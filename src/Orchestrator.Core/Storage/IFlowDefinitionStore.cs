namespace Orchestrator.Core.Storage;

/// <summary>Where designer flow drafts and published versions are kept; the stores implement it beside <see cref="IWorkflowStore"/>.</summary>
public interface IFlowDefinitionStore
{
    /// <summary>Creates or replaces the draft of a definition.</summary>
    /// <param name="draft">The draft (its <see cref="FlowDefinitionRecord.Version"/> is null).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task SaveDraftAsync(FlowDefinitionRecord draft, CancellationToken cancellationToken = default);

    /// <summary>Adds a published version; versions are never changed or removed.</summary>
    /// <param name="version">The version (its number set).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>False when that version number already exists (a concurrent publish won).</returns>
    Task<bool> AddVersionAsync(FlowDefinitionRecord version, CancellationToken cancellationToken = default);

    /// <summary>The draft of a definition, or null.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The draft.</returns>
    Task<FlowDefinitionRecord?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>A published version; null version means the latest one.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="version">The version number, or null for the latest.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The version, or null.</returns>
    Task<FlowDefinitionRecord?> GetVersionAsync(string definitionId, int? version, CancellationToken cancellationToken = default);

    /// <summary>Every published version of every definition (loaded at start so instances can run any of them).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The versions, by definition id then version.</returns>
    Task<IReadOnlyList<FlowDefinitionRecord>> ListVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every draft.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The drafts, by definition id.</returns>
    Task<IReadOnlyList<FlowDefinitionRecord>> ListDraftsAsync(CancellationToken cancellationToken = default);
}
