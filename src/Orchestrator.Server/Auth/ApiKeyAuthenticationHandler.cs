using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Http;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the configured users. Every key check is an attempt
/// for <see cref="CredentialThrottle"/>: a client that keeps sending wrong keys is refused (429) before its keys are checked.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users,
    CredentialThrottle throttle,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The property of a refused result that says, in whole seconds, when the client may try again.</summary>
    public const string RetryAfterProperty = "orchestrator:retry-after";

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

        var key = header[BearerPrefix.Length..].Trim();
        if (throttle.TryBegin(ClientAddress.Of(Context), null, key, time.GetUtcNow().UtcDateTime, out var wait) is not { } attempt)
        {
            return Task.FromResult(Throttled(wait));
        }

        var user = users.FindByKey(key);
        if (user is null)
        {
            attempt.Failed();
            return Task.FromResult(AuthenticateResult.Fail(
                "The API key is not recognised; use a key configured under Orchestrator:Users:<user>:ApiKey on this server."));
        }

        attempt.Succeeded();
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }

    /// <summary>A refusal that the authorization answer turns into 429 with <c>Retry-After</c>.</summary>
    internal static AuthenticateResult Throttled(TimeSpan wait)
    {
        var seconds = RetrySeconds(wait);
        var properties = new AuthenticationProperties();
        properties.Items[RetryAfterProperty] = seconds.ToString(CultureInfo.InvariantCulture);
        return AuthenticateResult.Fail(
            $"Too many failed attempts with wrong API keys or passwords from this address; try again in {seconds} seconds.", properties);
    }

    /// <summary>A wait as the whole seconds of a <c>Retry-After</c> header, at least one.</summary>
    internal static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
