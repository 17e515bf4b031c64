using System.Security.Claims;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Streaming;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// <c>GET /api/approvals/stream</c>: Server-Sent Events <c>approval.created</c>, <c>approval.decided</c> and
/// <c>approval.updated</c> for the tasks the caller may decide (all for administrators), each with the task as listed by
/// <c>GET /api/approvals</c>, and a <c>: keep-alive</c> comment while idle. The feed starts before the response does, so
/// nothing committed after the client has the headers is missed.
/// </summary>
internal static class ApprovalStreamEndpoints
{
    public static RouteGroupBuilder MapApprovalStream(this RouteGroupBuilder api)
    {
        api.MapGet("/approvals/stream", StreamAsync)
            .RequireAuthorization(AuthPolicies.Approve)
            .WithTags("Approvals")
            .WithName("StreamApprovals")
            .WithSummary("Server-Sent Events for the approvals you may decide: approval.created, approval.decided (approved, rejected "
                + "or expired, with decidedBy) and approval.updated (escalated), each with the approval as listed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context,
        ClaimsPrincipal user,
        IHumanTaskChanges changes,
        IWorkflowClient client,
        IOptions<JsonOptions> json,
        ServerSettings settings,
        TimeProvider time)
    {
        var caller = Caller.From(user);
        var token = context.RequestAborted;
        using var subscription = changes.Subscribe();
        var writer = new SseWriter(context.Response, json.Value.SerializerOptions);
        try
        {
            await writer.StartAsync(token);
            var keepAliveDue = Task.Delay(settings.StreamKeepAlive, time, token);
            var next = subscription.Changes.WaitToReadAsync(token).AsTask();
            while (true)
            {
                if (await Task.WhenAny(next, keepAliveDue) == keepAliveDue)
                {
                    await keepAliveDue;
                    await writer.WriteCommentAsync(StreamEvents.KeepAlive, token);
                    keepAliveDue = Task.Delay(settings.StreamKeepAlive, time, token);
                    continue;
                }

                if (!await next)
                {
                    return TypedResults.Empty;
                }

                while (subscription.Changes.TryRead(out var change))
                {
                    if (change.Task.IsAssignee(caller.Name, caller.Roles))
                    {
                        await writer.WriteEventAsync(ApprovalStreamEvents.NameOf(change.Kind), ApprovalMapper.ToItem(change.Task, WorkflowNames.From(client)), token);
                    }
                }

                next = subscription.Changes.WaitToReadAsync(token).AsTask();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away; that is how every stream ends.
            return TypedResults.Empty;
        }
    }
}
