using Orchestrator.Server.Contracts;

namespace Orchestrator.Server.Endpoints;

/// <summary><c>GET /api/health</c>: the only call that needs no key.</summary>
internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok")))
            .AllowAnonymous()
            .WithTags("Server")
            .WithName("GetHealth")
            .WithSummary("Whether the server answers; needs no API key.");
        return api;
    }
}
