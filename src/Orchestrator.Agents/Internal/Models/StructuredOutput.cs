using System.Text.Json;
using Microsoft.Extensions.AI;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Structured output for workflow code: the schema asked of the model, and the parse of its answer. Pure: no I/O, no clock.</summary>
internal static class StructuredOutput
{
    // Object schemas closed and fully required, as OpenAI's strict structured outputs need; harmless where not strict.
    private static readonly AIJsonSchemaCreateOptions SchemaOptions = new()
    {
        TransformOptions = new AIJsonSchemaTransformOptions
        {
            DisallowAdditionalProperties = true,
            RequireAllProperties = true,
            MoveDefaultKeywordToDescription = true,
        },
    };

    /// <summary>The JSON schema of <typeparamref name="T"/> as the payload JSON (<see cref="OrchestratorJson.Options"/>) writes it.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <returns>The schema.</returns>
    public static JsonElement SchemaOf<T>() => Cache<T>.Schema;

    /// <summary>Parses an answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="text">The model's text.</param>
    /// <param name="value">The value when it parses.</param>
    /// <param name="error">Why it does not, when it does not.</param>
    /// <returns>True when the text is JSON for <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(string? text, out T? value, out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the answer was empty";
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(text, OrchestratorJson.Options);
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }

        error = value is null ? "the answer was null" : null;
        return value is not null;
    }

    /// <summary>The prompt that asks the model to correct an answer that did not parse.</summary>
    /// <param name="error">Why it did not parse.</param>
    /// <returns>The prompt.</returns>
    public static string RepairPrompt(string error) =>
        $"Your previous answer was not valid JSON for the schema: {error.TrimEnd('.')}. Reply with only JSON that matches the schema.";

    private static class Cache<T>
    {
        public static readonly JsonElement Schema = AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: OrchestratorJson.Options, inferenceOptions: SchemaOptions);
    }
}
