using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Answers 401 and 403 with problem details that say what is missing, instead of empty responses, and 429 with
/// <c>Retry-After</c> when the key was not even checked because its client is throttled.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);

        if (authorizeResult.Challenged)
        {
            // The handler caches its result per request, so this does not check the key a second time.
            var result = await context.AuthenticateAsync();
            var failure = result.Failure;
            if (result.Properties?.Items.TryGetValue(ApiKeyAuthenticationHandler.RetryAfterProperty, out var retryAfter) == true)
            {
                context.Response.Headers.RetryAfter = retryAfter;
                await ApiProblems.Create(StatusCodes.Status429TooManyRequests, failure!.Message).ExecuteAsync(context);
                return;
            }

            context.Response.Headers.WWWAuthenticate = failure is null
                ? "Bearer realm=\"orchestrator\""
                : "Bearer realm=\"orchestrator\", error=\"invalid_token\"";
            var detail = failure?.Message
                ?? "This call needs an API key: send 'Authorization: Bearer <api key>' with a key configured under Orchestrator:Users:<user>:ApiKey, "
                + "or sign in with POST /api/session and send the session cookie.";
            await ApiProblems.Create(StatusCodes.Status401Unauthorized, detail).ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden)
        {
            await ApiProblems.Create(StatusCodes.Status403Forbidden, ForbiddenDetail(context.User, policy)).ExecuteAsync(context);
        }
        else
        {
            await next(context);
        }
    }

    private static string ForbiddenDetail(ClaimsPrincipal user, AuthorizationPolicy policy)
    {
        var held = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var missing = policy.Requirements
            .OfType<RolesAuthorizationRequirement>()
            .FirstOrDefault(r => !r.AllowedRoles.Any(user.IsInRole));
        var needed = missing is null ? "a role this user does not have" : "one of the roles " + string.Join(", ", missing.AllowedRoles);
        return $"User '{user.Identity?.Name}' has the roles {(held.Count == 0 ? "(none)" : string.Join(", ", held))}, "
            + $"but this call needs {needed}; ask an administrator to add it under Orchestrator:Users:{user.Identity?.Name}:Roles.";
    }
}
