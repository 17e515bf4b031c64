using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Adds authentication by API key (<c>Authorization: Bearer</c>) or session cookie, the role policies, and problem-details
/// answers for 401 and 403.
/// </summary>
internal static class AuthRegistration
{
    /// <summary>Picks the API-key handler when an Authorization header is sent, the session handler when only the cookie is.</summary>
    public const string DefaultScheme = "ApiKeyOrSession";

    public static IServiceCollection AddApiAuth(this IServiceCollection services, UserDirectory users)
    {
        services.AddSingleton(users);
        services.AddSingleton(sp => SessionSettings.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServerSettings>()));
        services.AddSingleton(sp => SessionSigner.FromKeyFolder(sp.GetRequiredService<SessionSettings>().KeyFolder));
        services.AddSingleton(sp => SessionRevocations.Load(
            sp.GetRequiredService<SessionSettings>().KeyFolder, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        services.AddSingleton(sp => new CredentialThrottle(sp.GetRequiredService<ServerSettings>().Limits));

        // The core services only: the full AddAuthentication would add data protection, which writes a key ring to the
        // user profile; sessions are signed with a key of their own in the data folder instead (SessionSigner).
        services.AddWebEncoders();
        services.AddAuthenticationCore(options =>
        {
            options.DefaultScheme = DefaultScheme;
            options.AddScheme<PolicySchemeHandler>(DefaultScheme, displayName: null);
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, displayName: "API key");
            options.AddScheme<SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, displayName: "Session cookie");
        });
        services.AddOptions<PolicySchemeOptions>(DefaultScheme).Configure(options => options.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(SessionCookie.Name)
                ? SessionAuthenticationHandler.SchemeName
                : ApiKeyAuthenticationHandler.SchemeName);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicies();
        return services;
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in AuthPolicies.RolesByPolicy)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }
}
