using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Orchestrator.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the configured users.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must have the form 'Bearer <api key>'."));
        }

        var user = users.FindByKey(header[BearerPrefix.Length..].Trim());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(
                "The API key is not recognised; use a key configured under Orchestrator:Users:<user>:ApiKey on this server."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }
}
