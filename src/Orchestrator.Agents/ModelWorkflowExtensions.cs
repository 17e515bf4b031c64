using System.Text.Json;
using Microsoft.Extensions.AI;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents;

/// <summary>Model calls from workflow code: each is one checkpointed step.</summary>
public static class ModelWorkflowExtensions
{
    /// <summary>Model calls retry 5 times (1 s, doubling, at most 30 s), honouring Retry-After; rejected requests do not retry.</summary>
    public static RetryPolicy DefaultRetry { get; } = new()
    {
        MaxAttempts = 5,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    /// <summary>Calls a model. The request and the full response (tokens, cost, latency) are recorded in history.</summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">The request.</param>
    /// <param name="retry">The retry policy; <see cref="DefaultRetry"/> when null.</param>
    /// <returns>The response.</returns>
    public static Task<ModelResponse> CallModelAsync(this WorkflowContext ctx, ModelRequest request, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.CallActivityAsync<ModelResponse>(CallModelActivity.Name, request, retry ?? DefaultRetry);
    }

    /// <summary>
    /// Calls a model for structured output: the answer must be JSON matching <paramref name="schema"/> (by default the
    /// schema of <typeparamref name="T"/>). An answer that does not parse gets a repair prompt, up to
    /// <paramref name="repairAttempts"/> times (each a step of its own), then fails with <see cref="ModelOutputException"/>.
    /// </summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">The request (its response schema is set here).</param>
    /// <param name="schema">The JSON schema; null derives it from <typeparamref name="T"/>.</param>
    /// <param name="repairAttempts">How many repair prompts to try.</param>
    /// <param name="retry">The retry policy for provider faults.</param>
    /// <returns>The typed answer.</returns>
    public static async Task<T> CallModelAsync<T>(this WorkflowContext ctx, ModelRequest request, JsonElement? schema = null, int repairAttempts = 2, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = request with
        {
            ResponseSchema = schema ?? AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: OrchestratorJson.Options),
            ResponseSchemaName = request.ResponseSchemaName ?? typeof(T).Name,
        };
        for (var attempt = 0; ; attempt++)
        {
            var response = await ctx.CallModelAsync(current, retry);
            var text = response.Message.Content ?? string.Empty;
            string error;
            try
            {
                var value = JsonSerializer.Deserialize<T>(text, OrchestratorJson.Options);
                if (value is not null)
                {
                    return value;
                }

                error = "the answer was null";
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            if (attempt >= repairAttempts)
            {
                throw new ModelOutputException($"The model's answer is not valid JSON for {typeof(T).Name} after {repairAttempts} repair prompts: {error} Answer: {text}");
            }

            current = current with
            {
                Messages =
                [
                    .. current.Messages,
                    response.Message,
                    ModelMessage.User($"Your previous answer was not valid JSON for the schema: {error} Reply with only JSON that matches the schema."),
                ],
            };
        }
    }
}
