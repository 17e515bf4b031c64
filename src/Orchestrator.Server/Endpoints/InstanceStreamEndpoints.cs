using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Client;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;
using Orchestrator.Server.Problems;
using Orchestrator.Server.Streaming;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// <c>GET /api/instances/{id}/stream</c>: Server-Sent Events <c>status</c>, <c>step</c>, <c>signal</c>, <c>reset</c> and a
/// final <c>done</c>, with a <c>: keep-alive</c> comment while idle.
/// </summary>
internal static class InstanceStreamEndpoints
{
    public static RouteGroupBuilder MapInstanceStream(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id}/stream", StreamAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Instances")
            .WithName("StreamInstance")
            .WithSummary("Server-Sent Events: a status snapshot and the steps so far, then status, step and signal events as they happen, and done with the finished instance.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> StreamAsync(
        string id,
        HttpContext context,
        IWorkflowClient client,
        IOptions<JsonOptions> json,
        ServerSettings settings,
        TimeProvider time,
        ILogger<InstanceStreamSession> logger)
    {
        var cancellationToken = context.RequestAborted;
        await using var session = InstanceStreamSession.Subscribe(client, id, logger, cancellationToken);
        var instance = await client.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        var history = await client.GetHistoryAsync(id, cancellationToken);
        var writer = new SseWriter(context.Response, json.Value.SerializerOptions);
        await session.StreamAsync(writer, instance, history, settings.StreamKeepAlive, time);
        return TypedResults.Empty;
    }
}
