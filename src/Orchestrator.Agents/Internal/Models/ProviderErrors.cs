using System.ClientModel;
using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Turns provider failures into what the engine's retry policy understands.</summary>
internal static class ProviderErrors
{
    /// <summary>The exception to fail the step with, or null when <paramref name="error"/> is not the provider's (it stays as it is).</summary>
    /// <param name="model">The configured model name.</param>
    /// <param name="error">What the SDK threw.</param>
    /// <param name="cancelledByStep">Whether the step itself was cancelled (attempt timeout, shutdown): then a cancellation is not the provider's.</param>
    /// <param name="now">The current time, for a Retry-After given as a date.</param>
    public static Exception? Map(string model, Exception error, bool cancelledByStep, DateTimeOffset now) => error switch
    {
        ClientResultException { Status: 429 } limited => RateLimited(model, limited, now),
        ClientResultException { Status: >= 500 or 408 } server =>
            new ModelProviderException($"Model '{model}' failed with HTTP {server.Status}: {server.Message}", server),
        ClientResultException { Status: > 0 } rejected =>
            new ModelRequestRejectedException($"Model '{model}' rejected the request with HTTP {rejected.Status}: {rejected.Message}", rejected),
        ClientResultException { InnerException: HttpRequestException } unreachable =>
            new ModelProviderException($"Model '{model}' could not be reached: {unreachable.Message}", unreachable),
        ClientResultException noResponse =>
            new ModelProviderException($"Model '{model}' gave no response: {noResponse.Message}", noResponse),
        HttpRequestException http =>
            new ModelProviderException($"Model '{model}' could not be reached: {http.Message}", http),
        JsonException json =>
            new ModelProviderException($"Model '{model}' returned malformed output (not valid JSON): {json.Message}", json),
        OperationCanceledException timeout when !cancelledByStep =>
            new ModelProviderException($"Model '{model}' timed out: {timeout.Message}", timeout),
        _ => null,
    };

    private static RetryAfterException RateLimited(string model, ClientResultException error, DateTimeOffset now)
    {
        var headers = error.GetRawResponse()?.Headers;
        string? retryAfterMs = null;
        string? retryAfter = null;
        _ = headers?.TryGetValue("retry-after-ms", out retryAfterMs);
        _ = headers?.TryGetValue("Retry-After", out retryAfter);
        var wait = RetryAfterHeader.Parse(retryAfterMs, retryAfter, now);
        return new RetryAfterException($"Model '{model}' is rate limited (HTTP 429), retry after {wait.TotalSeconds:0.###} s: {error.Message}", wait, error);
    }
}
