using Scalar.AspNetCore;

namespace Orchestrator.Server.Http;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>, readable without a
/// key. The page works offline and only offers what works here: its script is served by the server itself, and the
/// parts that need Scalar's cloud (web fonts, the AI agent, MCP generation, telemetry, the developer toolbar with SDK
/// generation and deployment, the hosted API client) are off.
/// </summary>
internal static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<AnonymousOperationTransformer>();
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(options => options
                .WithTitle("Orchestrator API")
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideDeveloperTools()
                .HideClientButton())
            .AllowAnonymous();
        return endpoints;
    }
}
