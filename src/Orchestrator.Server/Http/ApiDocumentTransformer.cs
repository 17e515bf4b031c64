using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orchestrator.Server.Http;

/// <summary>Names the OpenAPI document and declares the API-key bearer scheme, so the reference UI can send a key.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeId = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "Orchestrator API";
        document.Info.Description = "Start, watch and operate durable workflow instances. Errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key configured under Orchestrator:Users:<user>:ApiKey, sent as 'Authorization: Bearer <api key>'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
        return Task.CompletedTask;
    }
}
