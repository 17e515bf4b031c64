using Scalar.AspNetCore;

namespace Orchestrator.Server.Http;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference UI at <c>/scalar</c>, readable without a key.</summary>
internal static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocumentTransformer>());

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(options => options.WithTitle("Orchestrator API")).AllowAnonymous();
        return endpoints;
    }
}
