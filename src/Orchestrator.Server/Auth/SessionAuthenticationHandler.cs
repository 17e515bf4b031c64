using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Authenticates the <c>orch_session</c> cookie set by <c>POST /api/session</c>. The roles are read from configuration on
/// every request, so a changed or removed user takes effect at once. A session used again after a minute is re-issued
/// with a new time, which makes the idle timeout sliding.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users,
    SessionSigner signer,
    SessionRevocations revocations,
    SessionSettings settings,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionCookie.Name, out var value) || string.IsNullOrEmpty(value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var now = time.GetUtcNow().UtcDateTime;
        var ticket = signer.Unprotect(value);
        if (ticket is null || ticket.LastSeen + settings.IdleTimeout <= now || revocations.IsRevoked(ticket.SessionId))
        {
            return Task.FromResult(AuthenticateResult.Fail(
                "The session has ended (signed out, or idle for longer than " + settings.IdleTimeout + "); sign in again with POST /api/session."));
        }

        var user = users.FindByName(ticket.User);
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(
                $"User '{ticket.User}' is no longer configured on this server; sign in again with POST /api/session."));
        }

        if (now - ticket.LastSeen >= RefreshAfter)
        {
            SessionCookie.Write(Response, signer.Protect(ticket with { LastSeen = now }));
        }

        var principal = user.ToPrincipal(SchemeName, new Claim(SessionCookie.SessionIdClaim, ticket.SessionId));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
