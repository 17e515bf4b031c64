using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace Orchestrator.Server.Http;

/// <summary>
/// Kestrel refuses a request it cannot parse (a NUL or other invalid character in the path, a request line over
/// <see cref="KestrelServerLimits.MaxRequestLineSize"/> → 414, headers over <see cref="KestrelServerLimits.MaxRequestHeadersTotalSize"/>
/// → 431, malformed headers or body framing → 400) before any middleware runs, with an empty body that no setting can
/// change. A connection middleware on every endpoint gives those answers the same problem+json body as every other
/// error (see <see cref="RejectionProblemWriter"/>).
/// </summary>
internal static class KestrelRejections
{
    public static void UseRejectionProblems(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new Transport(
                connection.Transport.Input, new RejectionProblemWriter(connection.Transport.Output, status => Body(status, kestrel.Limits)));
            return next(connection);
        }));
    }

    /// <summary>The problem+json body for a status Kestrel answered on its own.</summary>
    internal static byte[] Body(int status, KestrelServerLimits limits) =>
        JsonSerializer.SerializeToUtf8Bytes(new Problem(TypeFor(status), ReasonPhrases.GetReasonPhrase(status), status, DetailFor(status, limits)));

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status408RequestTimeout => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        StatusCodes.Status411LengthRequired => "https://tools.ietf.org/html/rfc9110#section-15.5.12",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status414UriTooLong => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
        _ => "about:blank",
    };

    private static string DetailFor(int status, KestrelServerLimits limits) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "The request is not valid HTTP: its request line, path (a NUL character, %00, is never allowed), a header or the body's "
            + "framing could not be read. Fix the request and send it again.",
        StatusCodes.Status408RequestTimeout => "The request's headers or body did not arrive in time; send the request again.",
        StatusCodes.Status411LengthRequired => "This request needs a Content-Length header or a chunked body.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts; send less.",
        StatusCodes.Status414UriTooLong => string.Create(
            CultureInfo.InvariantCulture,
            $"The request line is longer than the {limits.MaxRequestLineSize} bytes this server accepts; shorten the URL (send large values in a POST body instead)."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => string.Create(
            CultureInfo.InvariantCulture,
            $"The request headers are larger than the {limits.MaxRequestHeadersTotalSize} bytes (or more than {limits.MaxRequestHeaderCount} headers) this server accepts; send fewer or smaller headers (a large cookie is the usual cause)."),
        _ => $"The server could not read the request ({ReasonPhrases.GetReasonPhrase(status)}); fix it and send it again.",
    };

    private sealed record Transport(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    private sealed record Problem(
        [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
        [property: System.Text.Json.Serialization.JsonPropertyName("status")] int Status,
        [property: System.Text.Json.Serialization.JsonPropertyName("detail")] string Detail);
}
