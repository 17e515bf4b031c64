using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Validation;
using Orchestrator.Server.Audit;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// Designer flow definitions (Elsa 3 JSON): drafts, validation, immutable published versions, import and export. Each
/// call that writes makes one write through <see cref="FlowDefinitionService"/>, which refuses before writing anything.
/// </summary>
internal static class DefinitionEndpoints
{
    private const string Tag = "Definitions";

    public static RouteGroupBuilder MapDefinitions(this RouteGroupBuilder api)
    {
        api.MapGet("/definitions", ListAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ListDefinitions")
            .WithSummary("Every designer flow definition with its draft and published versions.")
            .Produces<ItemsResponse<FlowDefinitionSummary>>();
        api.MapPost("/definitions", SaveDraftAsync)
            .RequireAuthorization(AuthPolicies.Design)
            .WithTags(Tag)
            .WithName("SaveDefinitionDraft")
            .WithSummary("Saves the draft of a definition (body: Elsa 3 JSON). Without a definitionId one is made from the name (refund-request, refund-request-2, …); a given one must be a valid id (400). Problems do not block saving.")
            .AcceptsDefinition()
            .Produces<DefinitionDraftSaved>();
        api.MapPost("/definitions/validate", ValidateAsync)
            .RequireAuthorization(AuthPolicies.Design)
            .WithTags(Tag)
            .WithName("ValidateDefinition")
            .WithSummary("Every problem of a flow (body: Elsa 3 JSON), each on its node; nothing is saved.")
            .AcceptsDefinition()
            .Produces<DefinitionValidated>();
        api.MapPost("/definitions/import", ImportAsync)
            .RequireAuthorization(AuthPolicies.Design)
            .WithTags(Tag)
            .WithName("ImportDefinition")
            .WithSummary("Imports an Elsa 3 export as the draft, and publishes it with ?publish=true; refused (400) when its definitionId is not a valid id, and (400, unsupportedTypes) when it uses activities that do not run here.")
            .AcceptsDefinition()
            .Produces<DefinitionImported>();
        api.MapGet("/definitions/{definitionId}", GetAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("GetDefinition")
            .WithSummary("A published version (?version=N), else the draft, else the latest version.")
            .Produces<DefinitionDetails>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/definitions/{definitionId}/publish", PublishAsync)
            .RequireAuthorization(AuthPolicies.Design)
            .WithTags(Tag)
            .WithName("PublishDefinition")
            .WithSummary("Freezes the draft as the next immutable version; running instances keep the version they started with.")
            .Produces<DefinitionPublished>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/definitions/{definitionId}/export", ExportAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ExportDefinition")
            .WithSummary("The bare Elsa 3 JSON as an attachment: the version asked for, else the latest version, else the draft.")
            .Produces<JsonObject>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(FlowDefinitionService service, CancellationToken cancellationToken)
    {
        var items = await service.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsResponse<FlowDefinitionSummary>(items));
    }

    private static async Task<IResult> SaveDraftAsync(
        HttpRequest request, ClaimsPrincipal user, FlowDefinitionService service, HttpContext http, CancellationToken cancellationToken)
    {
        var (json, error) = await ReadDefinitionAsync(request, cancellationToken);
        if (json is null)
        {
            return error!;
        }

        try
        {
            var saved = await service.SaveDraftAsync(json, user.Identity?.Name, cancellationToken);
            SetAuditTarget(http, saved.DefinitionId);
            return TypedResults.Ok(new DefinitionDraftSaved(saved.DefinitionId, saved.Name, saved.SavedAt, ToProblems(saved.Problems)));
        }
        catch (FlowDefinitionException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, FlowDefinitionService service, CancellationToken cancellationToken)
    {
        var (json, error) = await ReadDefinitionAsync(request, cancellationToken);
        if (json is null)
        {
            return error!;
        }

        try
        {
            var problems = await service.ValidateAsync(FlowDefinitionService.Read(json), cancellationToken);
            return TypedResults.Ok(new DefinitionValidated(ToProblems(problems)));
        }
        catch (FlowDefinitionException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, FlowDefinitionService service, HttpContext http, CancellationToken cancellationToken)
    {
        var publishText = request.Query["publish"].ToString();
        var publish = false;
        if (publishText.Length > 0 && !bool.TryParse(publishText, out publish))
        {
            return ApiProblems.BadRequest($"The query parameter 'publish' is '{publishText}'; it must be true or false (default false).");
        }

        var (json, error) = await ReadDefinitionAsync(request, cancellationToken);
        if (json is null)
        {
            return error!;
        }

        try
        {
            var imported = await service.ImportAsync(json, publish, user.Identity?.Name, cancellationToken);
            SetAuditTarget(http, imported.DefinitionId);
            return TypedResults.Ok(new DefinitionImported(imported.DefinitionId, imported.Version, ToProblems(imported.Problems)));
        }
        catch (FlowDefinitionException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> GetAsync(string definitionId, HttpRequest request, FlowDefinitionService service, CancellationToken cancellationToken)
    {
        var (version, versionError) = ParseVersion(request);
        if (versionError is not null)
        {
            return versionError;
        }

        var details = version is null
            ? await service.GetAsync(definitionId, null, cancellationToken) ?? await service.GetLatestAsync(definitionId, cancellationToken)
            : await service.GetAsync(definitionId, version, cancellationToken);
        if (details is null)
        {
            return DefinitionNotFound(definitionId, version);
        }

        var record = details.Record;
        return TypedResults.Ok(new DefinitionDetails(
            record.DefinitionId,
            record.Version,
            record.Name,
            record.SavedAt,
            record.SavedBy,
            record.Version is not null,
            details.Definition,
            ToProblems(details.Problems)));
    }

    private static async Task<IResult> PublishAsync(
        string definitionId, ClaimsPrincipal user, FlowDefinitionService service, CancellationToken cancellationToken)
    {
        try
        {
            var published = await service.PublishAsync(definitionId, user.Identity?.Name, cancellationToken);
            return TypedResults.Ok(new DefinitionPublished(published.DefinitionId, published.Version, published.PublishedAt));
        }
        catch (FlowDefinitionException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> ExportAsync(string definitionId, HttpRequest request, FlowDefinitionService service, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0 && !string.Equals(format, "elsa", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.BadRequest($"The export format '{format}' is not known; the supported format is 'elsa' (Elsa 3 workflow-definition JSON).");
        }

        var (version, versionError) = ParseVersion(request);
        if (versionError is not null)
        {
            return versionError;
        }

        var json = await service.ExportAsync(definitionId, version, cancellationToken);
        return json is null
            ? DefinitionNotFound(definitionId, version)
            : TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", definitionId + ".json");
    }

    /// <summary>The body as text when it is a JSON object; else the problem to answer. The body size limit applies (413).</summary>
    private static async Task<(string? Json, IResult? Error)> ReadDefinitionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ApiProblems.BadRequest("The body must be an Elsa 3 workflow-definition JSON object; it is empty."));
        }

        try
        {
            if (JsonNode.Parse(text) is not JsonObject)
            {
                return (null, ApiProblems.BadRequest("The body must be an Elsa 3 workflow-definition JSON object, not another JSON value."));
            }
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest($"The body is not valid JSON ({e.Message}); send an Elsa 3 workflow-definition JSON object."));
        }

        return (text, null);
    }

    private static (int? Version, IResult? Error) ParseVersion(HttpRequest request)
    {
        var text = request.Query["version"].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? (version, null)
            : (null, ApiProblems.BadRequest($"The query parameter 'version' is '{text}'; it must be a published version number (1, 2, …)."));
    }

    private static void SetAuditTarget(HttpContext http, string definitionId)
    {
        if (AuditCall.Of(http) is { } audit)
        {
            audit.Target = "definition:" + definitionId;
        }
    }

    private static IResult DefinitionNotFound(string definitionId, int? version) => ApiProblems.NotFound(version is null
        ? $"No definition has the id '{definitionId}'; list definitions with GET /api/definitions."
        : $"The definition '{definitionId}' has no published version {version}; GET /api/definitions lists its versions.");

    private static List<DefinitionProblem> ToProblems(IEnumerable<FlowProblem> problems) =>
        [.. problems.Select(p => new DefinitionProblem(p.NodeId, p.Code, p.Message))];

    /// <summary>A refusal as problem+json: 400 with <c>problems</c> or <c>unsupportedTypes</c>, 404, or 409.</summary>
    private static IResult Refused(FlowDefinitionException e) => e.Error switch
    {
        FlowDefinitionError.NotFound => ApiProblems.NotFound(e.Message),
        FlowDefinitionError.Unchanged => ApiProblems.Conflict(e.Message),
        FlowDefinitionError.UnsupportedTypes => TypedResults.Problem(
            detail: e.Message,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["unsupportedTypes"] = e.UnsupportedTypes, ["problems"] = ToProblems(e.Problems) }),
        _ => TypedResults.Problem( // Invalid, Unreadable
            detail: e.Message,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = ToProblems(e.Problems) }),
    };

    /// <summary>A body of Elsa 3 JSON: refused with 400 when unreadable and with 413 when over the body limit.</summary>
    private static RouteHandlerBuilder AcceptsDefinition(this RouteHandlerBuilder builder) => builder
        .Accepts<JsonObject>("application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
