using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Orchestrator.Core;
using Orchestrator.Core.Client;

namespace Orchestrator.Server.Problems;

/// <summary>
/// Turns the exceptions that describe a bad request or a state conflict into problem responses
/// (unknown workflow or instance 404, conflict 409, an event name reserved for the engine 403, invalid argument or body 400,
/// body or payload too large 413).
/// Anything else is left to the default handler, which logs it and answers 500.
/// </summary>
internal sealed class ApiExceptionHandler(IWorkflowClient client) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        IResult? problem = exception switch
        {
            WorkflowNotFoundException e => ApiProblems.NotFound(WithKnownWorkflows(e.Message)),
            InstanceNotFoundException e => ApiProblems.NotFound(e.Message),
            InstanceConflictException e => ApiProblems.Create(StatusCodes.Status409Conflict, e.Message),
            ReservedEventException e => ApiProblems.Forbidden(e.Message),
            PayloadTooLargeException e => ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge),
            BadHttpRequestException { InnerException: JsonException json } => ApiProblems.BadRequest(InvalidJson(json)),
            BadHttpRequestException e => ApiProblems.Create(e.StatusCode, e.Message),
            JsonException json => ApiProblems.BadRequest(InvalidJson(json)),
            ArgumentException e => ApiProblems.BadRequest(e.Message),
            _ => null,
        };
        if (problem is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }

    private static string InvalidJson(JsonException exception) =>
        $"The request body is not valid JSON for this call ({exception.Message}); fix it and send it again.";

    /// <summary>The engine's message, with the names a caller may use unless the message lists them already.</summary>
    private string WithKnownWorkflows(string message)
    {
        var names = client.GetWorkflows().Select(w => w.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0 && names.All(name => message.Contains(name, StringComparison.Ordinal)))
        {
            return message;
        }

        return $"{message} Known workflows: {(names.Count == 0 ? "(none registered)" : string.Join(", ", names))}.";
    }
}
