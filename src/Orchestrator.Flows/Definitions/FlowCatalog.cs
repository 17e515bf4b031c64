using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;

namespace Orchestrator.Flows.Definitions;

/// <summary>
/// The published flow versions the engine can run, compiled and kept in memory: loaded from the store at start and
/// added to on every publish. A flow runs as workflow <c>definitionId</c>, version <c>"1"</c>, <c>"2"</c>, …; an
/// instance keeps the version it started with, so every version stays here.
/// </summary>
public sealed class FlowCatalog : IWorkflowSource
{
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableSortedDictionary<int, Entry>> _flows =
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<int, Entry>>(StringComparer.Ordinal);

    /// <summary>Creates an empty catalog.</summary>
    /// <param name="logger">Where versions that cannot be compiled are reported.</param>
    /// <param name="options">The limits the flows run inside; the defaults when null.</param>
    public FlowCatalog(ILogger<FlowCatalog> logger, FlowOptions? options = null)
    {
        _logger = logger;
        Options = options ?? new FlowOptions();
    }

    /// <summary>The limits every version is compiled with.</summary>
    internal FlowOptions Options { get; }

    /// <summary>The published versions of a definition, oldest first (empty when it has none).</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <returns>The version numbers.</returns>
    public IReadOnlyList<int> Versions(string definitionId) =>
        _flows.TryGetValue(definitionId, out var versions) ? [.. versions.Keys] : [];

    /// <summary>A published version's document, or null; null version means the latest.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="version">The version, or null for the latest.</param>
    /// <returns>The document.</returns>
    public FlowDocument? FindDocument(string definitionId, int? version) => FindEntry(definitionId, version)?.Program.Document;

    /// <inheritdoc/>
    public IReadOnlyList<WorkflowDescriptor> List() =>
    [
        .. _flows.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            var latest = f.Value.Values.Last();
            return new WorkflowDescriptor(
                f.Key, latest.Body.Version, "flow", latest.Body.Description, [.. f.Value.Values.Select(v => v.Body.Version)],
                string.IsNullOrWhiteSpace(latest.Program.Document.Name) ? null : latest.Program.Document.Name);
        }),
    ];

    /// <inheritdoc/>
    public WorkflowBody? Find(string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (version is null)
        {
            return FindEntry(name, null)?.Body;
        }

        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? FindEntry(name, number)?.Body
            : null;
    }

    /// <summary>Loads every published version from the store (at start, before the engine recovers instances).</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task LoadAsync(IFlowDefinitionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var record in await store.ListVersionsAsync(cancellationToken))
        {
            try
            {
                Add(record.DefinitionId, record.Version ?? 0, FlowProgram.Compile(ElsaJson.Read(record.Json), Options));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken version must not keep the others (or the server) from starting; its instances fail as unknown.
                // The message says what is wrong with the definition; a stack trace would only bury it.
                _logger.LogError("Flow {DefinitionId} version {Version} cannot be compiled and will not run: {Message}", record.DefinitionId, record.Version, e.Message);
            }
        }
    }

    /// <summary>Makes a compiled published version runnable (replacing nothing: versions are immutable).</summary>
    internal void Add(string definitionId, int version, FlowProgram program)
    {
        ArgumentException.ThrowIfNullOrEmpty(definitionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var document = program.Document;
        var versionText = version.ToString(CultureInfo.InvariantCulture);
        var body = new WorkflowBody(definitionId, versionText, document.Description ?? document.Name, program.RunAsync)
        {
            CheckInput = json => FlowInputCheck.Check(document, json),
        };
        var entry = new Entry(body, program);
        lock (_gate)
        {
            var versions = _flows.TryGetValue(definitionId, out var existing) ? existing : ImmutableSortedDictionary<int, Entry>.Empty;
            _flows = _flows.SetItem(definitionId, versions.SetItem(version, entry));
        }
    }

    private Entry? FindEntry(string definitionId, int? version)
    {
        if (!_flows.TryGetValue(definitionId, out var versions) || versions.IsEmpty)
        {
            return null;
        }

        return version is { } number ? versions.GetValueOrDefault(number) : versions.Values.Last();
    }

    private sealed record Entry(WorkflowBody Body, FlowProgram Program);
}
