using System.Security.Claims;
using System.Text.Json;
using Orchestrator.Core.Client;
using Orchestrator.Server.Audit;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// The write side of instances: start, raise an event, operate, purge. Each request makes exactly one engine call
/// that writes (the engine's writes are atomic), so a rejected request leaves nothing behind.
/// </summary>
internal static class InstanceCommandEndpoints
{
    public static RouteGroupBuilder MapInstanceCommands(this RouteGroupBuilder api)
    {
        api.MapPost("/instances", StartAsync)
            .RequireAuthorization(AuthPolicies.Start)
            .WithTags("Instances")
            .WithName("StartInstance")
            .WithSummary("Starts an instance; the same instanceId with the same input again returns the existing one (200).")
            .Produces<StartInstanceResponse>(StatusCodes.Status201Created)
            .Produces<StartInstanceResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/instances/{id}/events/{name}", RaiseEventAsync)
            .RequireAuthorization(AuthPolicies.Operate)
            .WithTags("Instances")
            .WithName("RaiseEvent")
            .WithSummary("Raises an external event; the body (any JSON, or empty) is its payload, whatever its Content-Type. " +
                "Names the engine raises itself (approval:…, orchestrator:…) are refused with 403.")
            .Produces<EventAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapOperation(api, "suspend", (c, id, reason, by, ct) => c.SuspendAsync(id, reason, by, ct));
        MapOperation(api, "resume", (c, id, reason, by, ct) => c.ResumeAsync(id, reason, by, ct));
        MapOperation(api, "terminate", (c, id, reason, by, ct) => c.TerminateAsync(id, reason, by, ct));
        MapOperation(api, "restart", (c, id, reason, by, ct) => c.RestartAsync(id, reason, by, ct));
        api.MapDelete("/instances/{id}", PurgeAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithTags("Instances")
            .WithName("PurgeInstance")
            .WithSummary("Deletes a finished instance and its history.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> StartAsync(
        StartInstanceRequest? body, ClaimsPrincipal user, IWorkflowClient client, HttpContext http, CancellationToken cancellationToken)
    {
        var (request, error) = StartRequestParser.Parse(body, user.Identity?.Name);
        if (request is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var result = await client.StartAsync(request, cancellationToken);
        if (AuditCall.Of(http) is { } audit)
        {
            (audit.Target, audit.InstanceId) = ("instance:" + result.InstanceId, result.InstanceId);
        }

        var response = new StartInstanceResponse(result.InstanceId);
        return result.Created
            ? TypedResults.Created("/api/instances/" + Uri.EscapeDataString(result.InstanceId), response)
            : TypedResults.Ok(response);
    }

    private static async Task<IResult> RaiseEventAsync(
        string id, string name, HttpRequest request, ClaimsPrincipal user, IWorkflowClient client, CancellationToken cancellationToken)
    {
        if (NameRules.Check(name, "event name") is { } nameError)
        {
            return ApiProblems.BadRequest(nameError);
        }

        var payload = await RequestBodyReader.ReadOptionalJsonAsync(request, cancellationToken);
        await client.RaiseEventAsync(id, name, JsonText.ToText(payload), user.Identity?.Name, cancellationToken);
        return TypedResults.Accepted((string?)null, new EventAccepted(id, name));
    }

    private static void MapOperation(RouteGroupBuilder api, string operation, Func<IWorkflowClient, string, string?, string?, CancellationToken, Task> apply) =>
        api.MapPost($"/instances/{{id}}/{operation}", async (string id, HttpRequest request, ClaimsPrincipal user, IWorkflowClient client, CancellationToken ct) =>
            {
                var (reason, error) = ReadReason(await RequestBodyReader.ReadOptionalJsonAsync(request, ct));
                if (error is not null)
                {
                    return ApiProblems.BadRequest(error);
                }

                await apply(client, id, reason, user.Identity?.Name, ct);

                // The operation is queued durably; report the status the instance has now (the engine applies it right after).
                var instance = await client.GetInstanceAsync(id, ct);
                return instance is null
                    ? ApiProblems.InstanceNotFound(id)
                    : TypedResults.Accepted((string?)null, new OperationAccepted(id, instance.Status));
            })
            .RequireAuthorization(AuthPolicies.Operate)
            .WithTags("Instances")
            .WithName(char.ToUpperInvariant(operation[0]) + operation[1..] + "Instance")
            .WithSummary(operation switch
            {
                "restart" => "Re-runs a Failed instance from its failed step, keeping completed steps. Optional body { \"reason\": text }.",
                _ => $"Asks the instance to {operation}. Optional body {{ \"reason\": text }}.",
            })
            .Accepts<OperationRequest>(isOptional: true, "application/json")
            .Produces<OperationAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The reason from an optional <c>{ "reason": text }</c> body, or a sentence saying what to fix.</summary>
    private static (string? Reason, string? Error) ReadReason(JsonElement? body)
    {
        const string Shape = "The body must be empty or { \"reason\": text }.";
        if (body is not { ValueKind: not JsonValueKind.Null } element)
        {
            return (null, null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, Shape);
        }

        string? reason = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "reason" || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, $"The field \"{property.Name}\" is not accepted here. {Shape}");
            }

            reason = property.Value.GetString();
        }

        return (reason, null);
    }

    private static async Task<IResult> PurgeAsync(string id, IWorkflowClient client, CancellationToken cancellationToken)
    {
        await client.PurgeAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
