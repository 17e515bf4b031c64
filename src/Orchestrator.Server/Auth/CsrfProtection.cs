using System.Security.Claims;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Auth;

/// <summary>
/// The CSRF rule for cookie sessions: a POST, PUT, PATCH or DELETE authenticated by the session cookie must carry
/// <c>X-CSRF-Token</c> with the session's token, else 403. Bearer-key requests are not affected (a browser never adds
/// the header by itself). Signing in is exempt: it proves itself with credentials. It runs after authentication and the
/// audit trail, so a refused call is recorded like every other.
/// </summary>
internal static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-Token";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && context.User.FindFirstValue(SessionCookie.SessionIdClaim) is { } sessionId
                && !context.RequestServices.GetRequiredService<SessionSigner>().IsCsrfTokenValid(sessionId, context.Request.Headers[HeaderName]))
            {
                await ApiProblems.Forbidden(
                    $"This request is authenticated by the session cookie, so it needs the header {HeaderName} with the csrfToken "
                    + "that POST /api/session or GET /api/session returned.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static bool NeedsToken(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        return unsafeMethod
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthenticationHandler.SchemeName }
            && !(HttpMethods.IsPost(method) && context.Request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase));
    }
}
