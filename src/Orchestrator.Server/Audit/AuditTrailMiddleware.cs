using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Audit;

/// <summary>
/// Records every state-changing <c>/api</c> call (POST, PUT, PATCH, DELETE) in the audit trail: who (the user, or
/// <c>anonymous</c>), what (by route), to what (by route values), how it ended (by status code), with the status and
/// path as details. Never the request body or query (they may hold secrets).
/// </summary>
/// <remarks>
/// The record is written when the answer starts, once its status code is final (also for error answers written by
/// the exception handler), and the answer waits for the commit: a caller never sees an answer whose call is not in
/// the trail. Calls refused before authentication (401) are recorded too.
/// </remarks>
internal sealed partial class AuditTrailMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider time, ILogger<AuditTrailMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!AuditCallActions.IsStateChanging(request.Method) || !request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        // Routing has run: take the route now, the exception handler clears it before it answers.
        var call = new AuditCall();
        context.Features.Set(call);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var target = AuditCallActions.Target(request.RouteValues);
        var instanceId = request.RouteValues.TryGetValue("id", out var id) && !request.RouteValues.ContainsKey("taskId") ? id as string : null;
        var method = request.Method;
        var path = (request.PathBase + request.Path).ToString();
        context.Response.OnStarting(() => call.RecordedWithChange
            ? Task.CompletedTask
            : RecordAsync(context, new AuditEntry(
                time.GetUtcNow().UtcDateTime,
                call.Actor ?? (context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "anonymous"),
                null,
                call.Action ?? AuditCallActions.Action(method, route),
                call.Target ?? target,
                AuditCallActions.Outcome(context.Response.StatusCode),
                call.InstanceId ?? instanceId,
                OrchestratorJson.Serialize(new CallDetails(context.Response.StatusCode, path)))));
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

    private sealed record CallDetails(int Status, string Path);
}
