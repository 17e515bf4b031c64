using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Cli.Api;

/// <summary>The JSON settings of the HTTP API: web defaults, nulls left out, nullability enforced on read.</summary>
internal static class ApiJson
{
    /// <summary>Options for request and response bodies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads a response body; a body that does not fit <typeparamref name="T"/> throws <see cref="JsonException"/>.</summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a {typeof(T).Name} but the body was null");
}
