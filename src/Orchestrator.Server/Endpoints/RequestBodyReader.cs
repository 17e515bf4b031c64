using System.Text.Json;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads an optional JSON body of any shape. The server's body size limit applies while reading.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body as a JSON value, null when the body is empty (or only whitespace).</summary>
    /// <exception cref="JsonException">The body is not valid JSON.</exception>
    public static async Task<JsonElement?> ReadOptionalJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }
}
