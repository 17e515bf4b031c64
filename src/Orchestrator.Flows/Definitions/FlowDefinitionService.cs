using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Client;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Definitions;

/// <summary>
/// Designer flow definitions: save drafts, validate, publish immutable numbered versions, import and export Elsa 3
/// JSON. A refused call throws <see cref="FlowDefinitionException"/> and writes nothing; each call that succeeds makes
/// one write (a draft, or a version).
/// </summary>
public sealed class FlowDefinitionService
{
    /// <summary>How often a publish that lost the race for a version number tries the next number.</summary>
    private const int PublishAttempts = 8;

    private readonly IFlowDefinitionStore _store;
    private readonly FlowCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _claim = new(1, 1);

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where drafts and versions are kept.</param>
    /// <param name="catalog">The runnable versions, told about each publish.</param>
    /// <param name="services">For the tool registry, the agent catalog and the workflow list, resolved when a flow is validated.</param>
    /// <param name="time">The clock for save and publish times.</param>
    public FlowDefinitionService(IFlowDefinitionStore store, FlowCatalog catalog, IServiceProvider services, TimeProvider time)
    {
        _store = store;
        _catalog = catalog;
        _services = services;
        _time = time;
    }

    /// <summary>Reads a definition from JSON text; refuses text that is not a definition and duplicate node ids.</summary>
    /// <param name="json">The Elsa 3 JSON.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FlowDefinitionException">Unreadable.</exception>
    public static FlowDocument Read(string json)
    {
        var doc = FlowDocumentChecks.Read(json);
        FlowDocumentChecks.RefuseDuplicateIds(doc);
        return doc;
    }

    /// <summary>Every problem of a flow, checked against the registered tools and agents and the workflows that can be started.</summary>
    /// <param name="doc">The flow.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The problems; empty when it can be published.</returns>
    public async Task<IReadOnlyList<FlowProblem>> ValidateAsync(FlowDocument doc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        HashSet<string>? tools = null;
        if (_services.GetService<IToolRegistry>() is { } registry)
        {
            tools = [.. (await registry.ListAsync(cancellationToken)).Select(t => t.Name)];
        }

        var client = _services.GetService<IWorkflowClient>();
        var workflows = client is null ? null : new HashSet<string>(client.GetWorkflows().Select(w => w.Name), StringComparer.Ordinal);
        var agents = _services.GetService<AgentCatalog>() is { } catalog
            ? new HashSet<string>(catalog.All.Select(a => a.Name), StringComparer.Ordinal)
            : null;
        var context = new FlowValidationContext(tools, workflows is null ? null : name => workflows.Contains(name) || name == doc.DefinitionId, agents);
        return FlowValidator.Validate(doc, context);
    }

    /// <summary>
    /// Saves the draft of a definition; problems do not block it. A document without a definition id gets one made from
    /// its name (<c>Refund request</c>: <c>refund-request</c>, or <c>refund-request-2</c> when that is taken); a given
    /// id must be a valid id (<see cref="Identifiers"/>).
    /// </summary>
    /// <param name="json">The Elsa 3 JSON.</param>
    /// <param name="user">Who saves it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>What was saved, with its problems.</returns>
    /// <exception cref="FlowDefinitionException">Unreadable, or a definition id that is not a valid id.</exception>
    public async Task<FlowDraftSaved> SaveDraftAsync(string json, string? user, CancellationToken cancellationToken = default)
    {
        var doc = Read(json);
        return await WithIdAsync(doc, async () =>
        {
            var problems = await ValidateAsync(doc, cancellationToken);
            var record = await SaveDraftAsync(doc, user, cancellationToken);
            return new FlowDraftSaved(record.DefinitionId, record.Name, record.SavedAt, problems);
        }, cancellationToken);
    }

    /// <summary>Publishes the draft as the next version.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="user">Who publishes it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="FlowDefinitionException">No draft (NotFound), problems (Invalid), or the draft is the latest version (Unchanged).</exception>
    public async Task<FlowVersionPublished> PublishAsync(string definitionId, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var draft = await _store.GetDraftAsync(definitionId, cancellationToken)
            ?? throw new FlowDefinitionException(
                FlowDefinitionError.NotFound,
                $"The definition '{definitionId}' has no draft to publish; save one with POST /api/definitions first.");
        var doc = FlowDocumentChecks.Read(draft.Json);
        var latest = await _store.GetVersionAsync(definitionId, null, cancellationToken);
        if (latest is not null && FlowDocumentChecks.SameContent(doc, FlowDocumentChecks.Read(latest.Json)))
        {
            throw new FlowDefinitionException(
                FlowDefinitionError.Unchanged,
                $"The draft of '{definitionId}' is the same as its latest version {latest.Version}; change the draft before publishing again.");
        }

        RefuseProblems(doc, await ValidateAsync(doc, cancellationToken));
        return await PublishDocumentAsync(doc, latest?.Version, user, cancellationToken);
    }

    /// <summary>
    /// Imports an Elsa 3 export: refused when it uses activity types that do not run here; else saved as the draft,
    /// and published when <paramref name="publish"/> is set (an import identical to the latest version publishes nothing
    /// and answers that version). With <paramref name="publish"/>, a flow with problems is refused and nothing is saved.
    /// </summary>
    /// <param name="json">The Elsa 3 JSON.</param>
    /// <param name="publish">Whether to publish it too.</param>
    /// <param name="user">Who imports it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The imported definition.</returns>
    /// <exception cref="FlowDefinitionException">Unreadable (also a definition id that is not a valid id), UnsupportedTypes, or Invalid (when publishing).</exception>
    public async Task<FlowImported> ImportAsync(string json, bool publish, string? user, CancellationToken cancellationToken = default)
    {
        var doc = FlowDocumentChecks.Read(json);
        if (FlowDocumentChecks.UnsupportedTypes(doc) is { Count: > 0 } unsupported)
        {
            throw new FlowDefinitionException(
                FlowDefinitionError.UnsupportedTypes,
                $"The flow uses activity types that do not run here: {string.Join(", ", unsupported)}. Replace them (docs/flows.md lists the supported ones) and import again.",
                unsupportedTypes: unsupported);
        }

        FlowDocumentChecks.RefuseDuplicateIds(doc);
        return await WithIdAsync(doc, () => ImportDocumentAsync(doc, publish, user, cancellationToken), cancellationToken);
    }

    private async Task<FlowImported> ImportDocumentAsync(FlowDocument doc, bool publish, string? user, CancellationToken cancellationToken)
    {
        var problems = await ValidateAsync(doc, cancellationToken);
        if (!publish)
        {
            await SaveDraftAsync(doc, user, cancellationToken);
            return new FlowImported(doc.DefinitionId, null, problems);
        }

        RefuseProblems(doc, problems);
        var latest = await _store.GetVersionAsync(doc.DefinitionId, null, cancellationToken);
        await SaveDraftAsync(doc, user, cancellationToken);
        if (latest is not null && FlowDocumentChecks.SameContent(doc, FlowDocumentChecks.Read(latest.Json)))
        {
            return new FlowImported(doc.DefinitionId, latest.Version, problems);
        }

        var published = await PublishDocumentAsync(doc, latest?.Version, user, cancellationToken);
        return new FlowImported(doc.DefinitionId, published.Version, problems);
    }

    /// <summary>
    /// Publishes a document read from a file when no published version of its definition has the same content (used for
    /// the samples at start). The draft is replaced too, unless it holds edits that were never published.
    /// </summary>
    /// <param name="doc">The flow.</param>
    /// <param name="user">Who publishes it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new version, or null when one with this content exists already.</returns>
    /// <exception cref="FlowDefinitionException">Invalid.</exception>
    public async Task<FlowVersionPublished?> PublishIfNewAsync(FlowDocument doc, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        FlowDocumentChecks.RefuseDuplicateIds(doc);
        var versions = (await _store.ListVersionsAsync(cancellationToken))
            .Where(v => v.DefinitionId == doc.DefinitionId)
            .Select(v => (Record: v, Content: FlowDocumentChecks.Canonical(FlowDocumentChecks.Read(v.Json))))
            .ToList();
        var content = FlowDocumentChecks.Canonical(doc);
        if (versions.Exists(v => v.Content == content))
        {
            return null;
        }

        RefuseProblems(doc, await ValidateAsync(doc, cancellationToken));
        var draft = await _store.GetDraftAsync(doc.DefinitionId, cancellationToken);
        var latest = versions.Count == 0 ? default : versions.MaxBy(v => v.Record.Version);
        var draftIsPublished = draft is null
            || (latest.Record is not null && FlowDocumentChecks.Canonical(FlowDocumentChecks.Read(draft.Json)) == latest.Content);
        if (draftIsPublished)
        {
            await SaveDraftAsync(doc, user, cancellationToken);
        }

        return await PublishDocumentAsync(doc, latest.Record?.Version, user, cancellationToken);
    }

    /// <summary>The draft (no version) or a published version (with its problems now), or null.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="version">The version; null for the draft.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The definition, or null when there is no such draft or version.</returns>
    public async Task<FlowDefinitionDetails?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var record = version is null
            ? await _store.GetDraftAsync(definitionId, cancellationToken)
            : await _store.GetVersionAsync(definitionId, version, cancellationToken);
        return await DetailsAsync(record, cancellationToken);
    }

    /// <summary>The latest published version (with its problems now), or null when none is published.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The latest version, or null.</returns>
    public async Task<FlowDefinitionDetails?> GetLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return await DetailsAsync(await _store.GetVersionAsync(definitionId, null, cancellationToken), cancellationToken);
    }

    /// <summary>A definition as Elsa 3 JSON: the version asked for, else the latest version, else the draft.</summary>
    /// <param name="definitionId">The definition id.</param>
    /// <param name="version">The version, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The JSON text, or null when there is no such definition or version.</returns>
    public async Task<string?> ExportAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var record = version is not null
            ? await _store.GetVersionAsync(definitionId, version, cancellationToken)
            : await _store.GetVersionAsync(definitionId, null, cancellationToken) ?? await _store.GetDraftAsync(definitionId, cancellationToken);
        return record?.Json; // stored as ElsaJson.Write wrote it
    }

    /// <summary>Every definition with a draft or a published version, by id.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The definitions.</returns>
    public async Task<IReadOnlyList<FlowDefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var drafts = (await _store.ListDraftsAsync(cancellationToken)).ToDictionary(d => d.DefinitionId, StringComparer.Ordinal);
        var versions = (await _store.ListVersionsAsync(cancellationToken)).ToLookup(v => v.DefinitionId, StringComparer.Ordinal);
        var ids = drafts.Keys.Concat(versions.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return
        [
            .. ids.Select(id =>
            {
                var draft = drafts.GetValueOrDefault(id);
                var published = versions[id].OrderBy(v => v.Version).ToList();
                var shown = draft ?? published[^1];
                return new FlowDefinitionSummary(
                    id,
                    shown.Name,
                    DescriptionOf(shown.Json),
                    draft is not null,
                    draft?.SavedAt,
                    draft?.SavedBy,
                    published.Count == 0 ? null : published[^1].Version,
                    [.. published.Select(v => v.Version!.Value)]);
            }),
        ];
    }

    private static string? DescriptionOf(string json)
    {
        try
        {
            return (JsonNode.Parse(json) as JsonObject)?.Find("description") is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<FlowDefinitionDetails?> DetailsAsync(FlowDefinitionRecord? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return null;
        }

        var doc = FlowDocumentChecks.Read(record.Json);
        return new FlowDefinitionDetails(record, ElsaJson.ToJson(doc), await ValidateAsync(doc, cancellationToken));
    }

    private static void RefuseProblems(FlowDocument doc, IReadOnlyList<FlowProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new FlowDefinitionException(
                FlowDefinitionError.Invalid,
                $"The flow '{doc.DefinitionId}' has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")} to fix before it can be published: {problems[0].Message}",
                problems);
        }
    }

    private async Task<FlowDefinitionRecord> SaveDraftAsync(FlowDocument doc, string? user, CancellationToken cancellationToken)
    {
        var record = new FlowDefinitionRecord(doc.DefinitionId, null, NameOf(doc), ElsaJson.Write(doc), _time.GetUtcNow().UtcDateTime, user);
        await _store.SaveDraftAsync(record, cancellationToken);
        return record;
    }

    /// <summary>Stores a validated document as the version after <paramref name="latestVersion"/> (the next free one, if that was taken meanwhile).</summary>
    private async Task<FlowVersionPublished> PublishDocumentAsync(FlowDocument doc, int? latestVersion, string? user, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < PublishAttempts; attempt++)
        {
            if (attempt > 0)
            {
                latestVersion = (await _store.GetVersionAsync(doc.DefinitionId, null, cancellationToken))?.Version;
            }

            var version = (latestVersion ?? 0) + 1;
            var published = FlowDocumentChecks.Read(ElsaJson.Write(doc));
            published.Version = version;
            published.Id = $"{doc.DefinitionId}-v{version}";
            published.Properties[published.Properties.FindKey("isPublished") ?? "isPublished"] = true;

            // Compiled before it is stored, so a version that is stored can always be run.
            var now = _time.GetUtcNow().UtcDateTime;
            var program = Runtime.FlowProgram.Compile(published, _catalog.Options);
            var record = new FlowDefinitionRecord(doc.DefinitionId, version, NameOf(doc), ElsaJson.Write(published), now, user);
            if (await _store.AddVersionAsync(record, cancellationToken))
            {
                _catalog.Add(doc.DefinitionId, version, program);
                return new FlowVersionPublished(doc.DefinitionId, version, now);
            }
        }

        throw new InvalidOperationException($"Publishing '{doc.DefinitionId}' lost the race for a version number {PublishAttempts} times; try again.");
    }

    /// <summary>
    /// Runs a save of a new or changed definition: refuses a definition id the caller gave that is not a valid id, and
    /// gives a document without one a free id made from its name. Derived ids are claimed one at a time, so two flows
    /// with the same name saved at once get two ids.
    /// </summary>
    private async Task<T> WithIdAsync<T>(FlowDocument doc, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        if (!doc.DefinitionIdDerived)
        {
            if (Identifiers.Check(doc.DefinitionId, "definitionId") is { } problem)
            {
                throw new FlowDefinitionException(
                    FlowDefinitionError.Unreadable, $"{problem} Choose another definitionId, or leave it out to have one made from the flow's name.");
            }

            return await save();
        }

        await _claim.WaitAsync(cancellationToken);
        try
        {
            var workflows = _services.GetService<IWorkflowClient>()?.GetWorkflows().Select(w => w.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            doc.DefinitionId = await FlowIds.UniqueAsync(doc.DefinitionId, async id =>
                workflows.Contains(id)
                || await _store.GetDraftAsync(id, cancellationToken) is not null
                || await _store.GetVersionAsync(id, null, cancellationToken) is not null);
            doc.Id = $"{doc.DefinitionId}-v{doc.Version}";
            doc.DefinitionIdDerived = false;
            return await save();
        }
        finally
        {
            _claim.Release();
        }
    }

    private static string NameOf(FlowDocument doc) => string.IsNullOrWhiteSpace(doc.Name) ? doc.DefinitionId : doc.Name;
}
