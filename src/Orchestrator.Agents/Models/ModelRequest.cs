using System.Text.Json;

namespace Orchestrator.Agents.Models;

/// <summary>A model call as recorded in history: which model, the messages, the tools offered and the options.</summary>
public sealed record ModelRequest
{
    /// <summary>The configured model name (<c>Orchestrator:Models:&lt;name&gt;</c>); null for <c>default</c>.</summary>
    public string? Model { get; init; }

    /// <summary>The conversation so far.</summary>
    public required IReadOnlyList<ModelMessage> Messages { get; init; }

    /// <summary>Tools the model may call.</summary>
    public IReadOnlyList<ModelToolSpec>? Tools { get; init; }

    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; init; }

    /// <summary>The most output tokens.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>A JSON schema the answer must follow (structured output).</summary>
    public JsonElement? ResponseSchema { get; init; }

    /// <summary>The schema's name.</summary>
    public string? ResponseSchemaName { get; init; }

    /// <summary>Stream tokens to the instance's watchers as they arrive (the checkpoint is the final message).</summary>
    public bool Stream { get; init; }
}
