using System.Globalization;
using System.Security.Claims;
using Orchestrator.Server.Audit;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Http;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// <c>/api/session</c>: sign in with a user name and password or an API key, getting the <c>orch_session</c> cookie and a
/// CSRF token (the web UI's way in); see who is signed in; sign out.
/// </summary>
internal static partial class SessionEndpoints
{
    private const string InvalidCredentials = "The user name and password, or the API key, are not valid on this server.";

    public static RouteGroupBuilder MapSession(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignIn)
            .AllowAnonymous()
            .WithTags("Session")
            .WithName("SignIn")
            .WithSummary("Signs in with { user, password } or { apiKey }: sets the HttpOnly cookie orch_session and returns the "
                + "CSRF token to send as X-CSRF-Token on POST, PUT, PATCH and DELETE. Repeated failures are refused with 429.")
            .Produces<SessionResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/session", GetSession)
            .WithTags("Session")
            .WithName("GetSession")
            .WithSummary("Who is calling: user, roles, and the CSRF token of the session (null for a bearer key).")
            .Produces<SessionResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapDelete("/session", SignOut)
            .AllowAnonymous()
            .WithTags("Session")
            .WithName("SignOut")
            .WithSummary("Signs out: ends the session for good and clears the cookie.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static IResult SignIn(
        SessionRequest? body,
        HttpContext context,
        UserDirectory users,
        SessionSigner signer,
        CredentialThrottle throttle,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var withKey = !string.IsNullOrEmpty(body?.ApiKey);
        if (body is null || withKey == (!string.IsNullOrEmpty(body.User) || !string.IsNullOrEmpty(body.Password))
            || (!withKey && (string.IsNullOrEmpty(body.User) || string.IsNullOrEmpty(body.Password))))
        {
            return ApiProblems.BadRequest("Send either { \"user\": \"...\", \"password\": \"...\" } or { \"apiKey\": \"...\" }.");
        }

        var logger = loggers.CreateLogger(typeof(SessionEndpoints).FullName!);
        var address = ClientAddress.Of(context);
        var now = time.GetUtcNow().UtcDateTime;
        var name = withKey ? null : body.User;

        // Reserved before the password hash runs, so concurrent guesses cannot all pass the limit while it does.
        if (throttle.TryBegin(address, name, withKey ? body.ApiKey!.Trim() : null, now, out var wait) is not { } attempt)
        {
            SignInThrottled(logger, LoggedName(name), address);
            var seconds = ApiKeyAuthenticationHandler.RetrySeconds(wait);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Create(StatusCodes.Status429TooManyRequests,
                $"Too many failed sign-ins; try again in {seconds} seconds.");
        }

        var user = withKey ? users.FindByKey(body.ApiKey!.Trim()) : users.FindByPassword(body.User!, body.Password!);
        if (AuditCall.Of(context) is { } audit)
        {
            // Who tried to sign in as whom: the user on success, the name asked for (never the key) on failure.
            audit.Actor = user is null ? "anonymous" : "user:" + user.Name;
            audit.Target = "user:" + (user?.Name ?? name ?? "(api key)");
        }

        if (user is null)
        {
            attempt.Failed();
            SignInFailed(logger, LoggedName(name), address);
            return ApiProblems.Create(StatusCodes.Status401Unauthorized, InvalidCredentials);
        }

        attempt.Succeeded();
        var sessionId = SessionSigner.NewSessionId();
        SessionCookie.Write(context.Response, signer.Protect(new SessionTicket(user.Name, sessionId, now)));
        SignedIn(logger, user.Name, withKey ? "API key" : "password", address);
        return TypedResults.Ok(new SessionResponse(user.Name, user.Roles, signer.CsrfTokenFor(sessionId)));
    }

    private static IResult GetSession(ClaimsPrincipal user, SessionSigner signer)
    {
        var caller = Caller.From(user);
        var sessionId = user.FindFirstValue(SessionCookie.SessionIdClaim);
        return TypedResults.Ok(new SessionResponse(caller.Name, caller.Roles, sessionId is null ? null : signer.CsrfTokenFor(sessionId)));
    }

    private static IResult SignOut(
        HttpContext context, SessionRevocations revocations, SessionSettings settings, TimeProvider time, ILoggerFactory loggers)
    {
        if (context.User.FindFirstValue(SessionCookie.SessionIdClaim) is { } sessionId)
        {
            var now = time.GetUtcNow().UtcDateTime;
            revocations.Revoke(sessionId, now + settings.IdleTimeout, now);
            SignedOut(loggers.CreateLogger(typeof(SessionEndpoints).FullName!), Caller.From(context.User).Name);
        }

        SessionCookie.Clear(context.Response);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The name a failed sign-in asked for, as the log shows it: cut to 64 characters, so anonymous callers cannot write
    /// large log lines (the body may hold a megabyte of name).
    /// </summary>
    private static string LoggedName(string? name) =>
        name is null ? "(api key)" : name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 63), "\u2026");

    [LoggerMessage(Level = LogLevel.Information, Message = "User '{User}' signed in with {Method} from {Address}.")]
    private static partial void SignedIn(ILogger logger, string user, string method, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for user '{User}' from {Address}.")]
    private static partial void SignInFailed(ILogger logger, string user, string address);

    // Debug: the failures that led here were logged as warnings already, and a refused flood must not flood the log.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sign-in refused for user '{User}' from {Address}: too many failed attempts.")]
    private static partial void SignInThrottled(ILogger logger, string user, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "User '{User}' signed out.")]
    private static partial void SignedOut(ILogger logger, string user);
}
