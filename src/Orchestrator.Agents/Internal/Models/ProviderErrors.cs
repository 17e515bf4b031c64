using System.ClientModel;
using System.Globalization;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Turns provider failures into what the engine's retry policy understands.</summary>
internal static class ProviderErrors
{
    public static Exception Map(string model, Exception error, bool cancelledByStep)
    {
        switch (error)
        {
            case ClientResultException { Status: 429 } limited:
                return new RetryAfterException($"Model '{model}' is rate limited (429): {limited.Message}", RetryAfter(limited), limited);
            case ClientResultException { Status: >= 500 or 408 } server:
                return new ModelProviderException($"Model '{model}' failed with {server.Status}: {server.Message}", server);
            case ClientResultException { Status: > 0 } rejected:
                return new ModelRequestRejectedException($"Model '{model}' rejected the request with {rejected.Status}: {rejected.Message}", rejected);
            case ClientResultException malformed:
                return new ModelProviderException($"Model '{model}' returned malformed output: {malformed.Message}", malformed);
            case System.Text.Json.JsonException json:
                return new ModelProviderException($"Model '{model}' returned malformed output: {json.Message}", json);
            case HttpRequestException http:
                return new ModelProviderException($"Model '{model}' could not be reached: {http.Message}", http);
            case OperationCanceledException timeout when !cancelledByStep:
                return new ModelProviderException($"Model '{model}' timed out: {timeout.Message}", timeout);
            default:
                return error;
        }
    }

    private static TimeSpan RetryAfter(ClientResultException error)
    {
        var response = error.GetRawResponse();
        if (response is not null && response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return TimeSpan.FromSeconds(1);
    }
}
