using System.Text.Json;

namespace Orchestrator.Testing;

/// <summary>A request the <see cref="ScriptedModelServer"/> received.</summary>
/// <param name="Path">The endpoint path.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Authorization">The Authorization header.</param>
public sealed record RecordedRequest(string Path, JsonElement Body, string? Authorization)
{
    /// <summary>The model id asked for.</summary>
    public string? Model => Body.TryGetProperty("model", out var m) ? m.GetString() : null;

    /// <summary>Whether a streamed answer was asked for.</summary>
    public bool Stream => Body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    /// <summary>How many messages the request carried.</summary>
    public int MessageCount =>
        Body.TryGetProperty("messages", out var m) ? m.GetArrayLength()
        : Body.TryGetProperty("input", out var i) && i.ValueKind == JsonValueKind.Array ? i.GetArrayLength() : 0;

    /// <summary>The tool names offered.</summary>
    public IReadOnlyList<string> Tools => Body.TryGetProperty("tools", out var t)
        ? [.. t.EnumerateArray().Select(x => (x.TryGetProperty("function", out var f) ? f : x).GetProperty("name").GetString()!)]
        : [];
}
