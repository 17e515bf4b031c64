using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing.Internal;

/// <summary>HTTP errors in OpenAI's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal static class OpenAIErrors
{
    public static async Task WriteAsync(HttpResponse response, int status, string message, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        if (retryAfter is { } wait)
        {
            // Retry-After carries whole seconds by the HTTP spec; retry-after-ms is the exact wait, which the SDK prefers.
            response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        }

        await ReplyWriter.WriteJsonAsync(response, status, Body(status, message), cancellationToken);
    }

    public static JsonObject Body(int status, string message)
    {
        var (type, code) = status switch
        {
            StatusCodes.Status401Unauthorized => ("invalid_request_error", "invalid_api_key"),
            StatusCodes.Status404NotFound => ("invalid_request_error", "not_found"),
            StatusCodes.Status429TooManyRequests => ("requests", "rate_limit_exceeded"),
            >= 500 => ("server_error", null),
            _ => ("invalid_request_error", (string?)null),
        };
        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = null,
                ["code"] = code,
            },
        };
    }
}
