using Microsoft.AspNetCore.Authorization;

namespace Orchestrator.Server.Auth;

/// <summary>Adds API-key authentication, the role policies, and problem-details answers for 401 and 403.</summary>
internal static class AuthRegistration
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services, UserDirectory users)
    {
        services.AddSingleton(users);
        // The core services only: the full AddAuthentication would add data protection, which writes a key ring to the
        // user profile although API keys need no cookies or tokens.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options =>
        {
            options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, displayName: "API key");
        });
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
