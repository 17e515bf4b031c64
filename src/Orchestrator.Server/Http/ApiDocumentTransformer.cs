using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orchestrator.Server.Http;

/// <summary>
/// Names the OpenAPI document, declares the API-key bearer scheme (so the reference page can send a key), and escapes
/// every description for the Markdown it is rendered as (see <see cref="MarkdownText"/>).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "ApiKey";

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
            Description = "An API key configured under `Orchestrator:Users:<user>:ApiKey`, sent as `Authorization: Bearer <api key>`; "
                + "or the session cookie of POST /api/session. GET /api/health and signing in need neither.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
        EscapeDescriptions(document);
        return Task.CompletedTask;
    }

    private static void EscapeDescriptions(OpenApiDocument document)
    {
        document.Info.Description = MarkdownText.EscapeAngleBrackets(document.Info.Description);
        foreach (var scheme in document.Components?.SecuritySchemes?.Values.OfType<OpenApiSecurityScheme>() ?? [])
        {
            scheme.Description = MarkdownText.EscapeAngleBrackets(scheme.Description);
        }

        foreach (var operation in document.Paths?.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []) ?? [])
        {
            operation.Description = MarkdownText.EscapeAngleBrackets(operation.Description);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Description = MarkdownText.EscapeAngleBrackets(parameter.Description);
            }

            foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
            {
                response.Description = MarkdownText.EscapeAngleBrackets(response.Description);
            }
        }

        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            EscapeDescriptions(schema, visited);
        }
    }

    private static void EscapeDescriptions(IOpenApiSchema schema, HashSet<OpenApiSchema> visited)
    {
        if (schema is not OpenApiSchema concrete || !visited.Add(concrete))
        {
            return;
        }

        concrete.Description = MarkdownText.EscapeAngleBrackets(concrete.Description);
        foreach (var child in (concrete.Properties?.Values ?? []).Concat(concrete.AllOf ?? []).Concat(concrete.AnyOf ?? []).Concat(concrete.OneOf ?? []))
        {
            EscapeDescriptions(child, visited);
        }

        if (concrete.Items is { } items)
        {
            EscapeDescriptions(items, visited);
        }
    }
}
