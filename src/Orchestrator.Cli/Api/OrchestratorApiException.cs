using System.Net;
using System.Text.Json;

namespace Orchestrator.Cli.Api;

/// <summary>The server answered with an error status; <see cref="Exception.Message"/> is the problem's <c>detail</c> when present.</summary>
internal sealed class OrchestratorApiException : Exception
{
    public OrchestratorApiException(HttpStatusCode statusCode, string message, string? title = null)
        : base(message)
    {
        StatusCode = statusCode;
        Title = title;
    }

    /// <summary>The HTTP status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's <c>title</c>, when the body was problem+json.</summary>
    public string? Title { get; }

    /// <summary>Builds the exception from an error response: its problem+json <c>detail</c>, else <c>title</c>, else the status line.</summary>
    public static OrchestratorApiException FromResponse(HttpStatusCode statusCode, string? reasonPhrase, string? mediaType, string body, string request)
    {
        var (title, detail) = ReadProblem(mediaType, body);
        var statusLine = $"{(int)statusCode} {reasonPhrase ?? statusCode.ToString()}".TrimEnd();
        var message = detail ?? (title is null ? $"{request}: {statusLine}" : $"{title} ({statusLine})");
        return new OrchestratorApiException(statusCode, message, title);
    }

    private static (string? Title, string? Detail) ReadProblem(string? mediaType, string body)
    {
        var isJson = mediaType is not null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!isJson || string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (NonEmptyString(document.RootElement, "title"), NonEmptyString(document.RootElement, "detail"))
                : (null, null);
        }
        catch (JsonException)
        {
            // A proxy or a crashing server may label a broken body as JSON; the status line still says what happened.
            return (null, null);
        }
    }

    private static string? NonEmptyString(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
