using Microsoft.AspNetCore.WebUtilities;
using Orchestrator.Server.Configuration;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Problems;

/// <summary>
/// Completes every problem response: a <c>type</c> and <c>title</c> for each status, and a <c>detail</c> a person can act on
/// when the code that produced the status (routing, Kestrel limits, status code pages) did not give one. A detail built
/// from an exception's message loses any stack frames it carries, as every failure text in an answer does.
/// </summary>
internal static class ProblemDefaults
{
    private const string Rfc9110 = "https://tools.ietf.org/html/rfc9110#section-";

    public static void Apply(ProblemDetailsContext context, ServerSettings settings)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Type ??= TypeFor(status);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail = problem.Detail is { } detail
            ? ErrorText.WithoutStackTrace(detail)
            : DetailFor(status, context.HttpContext.Request, settings);
    }

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => Rfc9110 + "15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };

    private static string DetailFor(int status, HttpRequest request, ServerSettings settings) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid; compare it with the API description at /openapi/v1.json.",
        StatusCodes.Status401Unauthorized => "This call needs an API key: send 'Authorization: Bearer <api key>'.",
        StatusCodes.Status403Forbidden => "Your API key is valid but its user lacks the role this call needs.",
        StatusCodes.Status404NotFound => $"Nothing is at '{request.Path}'; the API description at /openapi/v1.json lists every endpoint.",
        StatusCodes.Status405MethodNotAllowed => $"'{request.Path}' does not accept {request.Method}; see /openapi/v1.json for the methods it takes.",
        StatusCodes.Status413PayloadTooLarge =>
            $"The request body is larger than the {settings.MaxRequestBytes} bytes this server accepts; send less, or raise {ConfigKeys.MaxRequestBytes}.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
        >= 500 => "The server failed to handle the request; its log has the details under the traceId of this response.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
