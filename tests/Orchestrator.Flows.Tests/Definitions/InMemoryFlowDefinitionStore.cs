using System.Collections.Concurrent;
using Orchestrator.Core.Storage;

namespace Orchestrator.Flows.Tests.Definitions;

/// <summary>Drafts and versions in memory, with the store's rule that a version number is taken once.</summary>
internal sealed class InMemoryFlowDefinitionStore : IFlowDefinitionStore
{
    private readonly ConcurrentDictionary<string, FlowDefinitionRecord> _drafts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), FlowDefinitionRecord> _versions = new();

    public int Writes { get; private set; }

    public Task SaveDraftAsync(FlowDefinitionRecord draft, CancellationToken cancellationToken = default)
    {
        _drafts[draft.DefinitionId] = draft;
        Writes++;
        return Task.CompletedTask;
    }

    public Task<bool> AddVersionAsync(FlowDefinitionRecord version, CancellationToken cancellationToken = default)
    {
        var added = _versions.TryAdd((version.DefinitionId, version.Version!.Value), version);
        Writes += added ? 1 : 0;
        return Task.FromResult(added);
    }

    public Task<FlowDefinitionRecord?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_drafts.GetValueOrDefault(definitionId));

    public Task<FlowDefinitionRecord?> GetVersionAsync(string definitionId, int? version, CancellationToken cancellationToken = default) =>
        Task.FromResult(version is { } v
            ? _versions.GetValueOrDefault((definitionId, v))
            : _versions.Values.Where(r => r.DefinitionId == definitionId).MaxBy(r => r.Version));

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FlowDefinitionRecord>>([.. _versions.Values.OrderBy(r => r.DefinitionId, StringComparer.Ordinal).ThenBy(r => r.Version)]);

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListDraftsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FlowDefinitionRecord>>([.. _drafts.Values.OrderBy(r => r.DefinitionId, StringComparer.Ordinal)]);
}
