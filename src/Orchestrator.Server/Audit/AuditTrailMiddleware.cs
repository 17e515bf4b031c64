using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Http;

namespace Orchestrator.Server.Audit;

/// <summary>
/// Records in the audit trail every state-changing <c>/api</c> call (POST, PUT, PATCH, DELETE) and every refused one of
/// any method (401, 403 by role or CSRF, 429): who (the user, or <c>anonymous</c>), what (by route), to what (by route
/// values), how it ended (by status code), with the status, path and client address as details. Never the request body
/// or query (they may hold secrets). Recorded paths and targets are cut to <see cref="AuditCallActions.MaxRecordedLength"/>
/// characters, and anonymous calls are bounded per address by <see cref="AnonymousAuditBudget"/>.
/// </summary>
/// <remarks>
/// The record is written when the answer starts, once its status code is final (also for error answers written by
/// the exception handler), and the answer waits for the commit: a caller never sees an answer whose call is not in
/// the trail, except an anonymous call past its address's budget, which is counted into a summary record. It runs after
/// authentication and before the CSRF check and authorization, so the calls those refuse are recorded too.
/// </remarks>
internal sealed partial class AuditTrailMiddleware(
    RequestDelegate next, IAuditLog audit, AnonymousAuditBudget budget, TimeProvider time, ILogger<AuditTrailMiddleware> logger)
{
    /// <summary>The actor of a call without valid credentials.</summary>
    public const string Anonymous = "anonymous";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        // Routing has run: take the route now, the exception handler clears it before it answers.
        var call = new AuditCall();
        context.Features.Set(call);
        var stateChanging = AuditCallActions.IsStateChanging(request.Method);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var target = AuditCallActions.Target(request.RouteValues);
        var instanceId = request.RouteValues.TryGetValue("id", out var id) && !request.RouteValues.ContainsKey("taskId") ? id as string : null;
        var method = request.Method;
        var path = (request.PathBase + request.Path).ToString();
        var address = ClientAddress.Of(context);
        context.Response.OnStarting(() =>
        {
            var status = context.Response.StatusCode;
            if (call.RecordedWithChange || (!stateChanging && !AuditCallActions.IsRefusal(status)))
            {
                return Task.CompletedTask;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var actor = call.Actor ?? (context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : Anonymous);
            var outcome = AuditCallActions.Outcome(status);
            if (actor == Anonymous && !budget.TryAdmit(address, outcome, now))
            {
                return Task.CompletedTask;
            }

            return RecordAsync(context, new AuditEntry(
                now,
                actor,
                null,
                call.Action ?? AuditCallActions.Action(method, route),
                AuditCallActions.Bounded(call.Target ?? target),
                outcome,
                AuditCallActions.Bounded(call.InstanceId ?? instanceId),
                OrchestratorJson.Serialize(new CallDetails(status, AuditCallActions.Bounded(path)!, address))));
        });
        return next(context);
    }

    private async Task RecordAsync(HttpContext context, AuditEntry entry)
    {
        try
        {
            await audit.AppendAsync([entry], CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            // The engine is shutting down: the change itself (if any) went through the same writer before it stopped.
            LogNotRecorded(logger, entry.Action, context.Request.Path, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit record of {Action} {Path} could not be written")]
    private static partial void LogNotRecorded(ILogger logger, string action, string path, Exception exception);

    private sealed record CallDetails(int Status, string Path, string Address);
}
