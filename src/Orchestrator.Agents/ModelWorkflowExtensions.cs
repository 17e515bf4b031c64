using System.Text.Json;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents;

/// <summary>Model calls from workflow code: each is one checkpointed step, so replay never calls the model twice.</summary>
public static class ModelWorkflowExtensions
{
    /// <summary>Calls a model. The request and the full response (text, tool calls, tokens, cost, latency) are recorded in history.</summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">The request; its <see cref="ModelRequest.Model"/> names a configured model, or null for <c>default</c>.</param>
    /// <param name="retry">The retry policy for provider faults; <see cref="ModelRetryPolicies.DefaultModelRetry"/> when null.</param>
    /// <returns>The response.</returns>
    /// <exception cref="WorkflowTaskFailedException">The call failed after its retries, was rejected, or names a model that is not configured.</exception>
    public static Task<ModelResponse> CallModelAsync(this WorkflowContext ctx, ModelRequest request, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(request);
        return ctx.CallActivityAsync<ModelResponse>(CallModelActivity.Name, request, retry ?? ModelRetryPolicies.DefaultModelRetry);
    }

    /// <summary>
    /// Calls a model for structured output: the answer must be JSON matching <paramref name="schema"/> (by default the
    /// request's schema, else the schema of <typeparamref name="T"/>). An answer that does not parse is sent back with a
    /// repair prompt, up to <paramref name="repairAttempts"/> times (each a step of its own), then the workflow fails
    /// with <see cref="ModelOutputException"/>.
    /// </summary>
    /// <remarks>
    /// The derived schema closes every object and requires every property, as OpenAI's strict structured outputs need;
    /// OpenAI also needs an object at the root, so make <typeparamref name="T"/> a class or record, not a list or a scalar.
    /// </remarks>
    /// <typeparam name="T">The answer's type, read with the payload JSON settings (<see cref="OrchestratorJson.Options"/>).</typeparam>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">The request (its response schema is set here).</param>
    /// <param name="schema">The JSON schema; null uses the request's, else derives it from <typeparamref name="T"/>.</param>
    /// <param name="repairAttempts">How many repair prompts to try (0 for none).</param>
    /// <param name="retry">The retry policy for provider faults; <see cref="ModelRetryPolicies.DefaultModelRetry"/> when null.</param>
    /// <returns>The typed answer.</returns>
    /// <exception cref="ModelOutputException">No answer parsed: the message holds the last parse error and the last answer.</exception>
    public static async Task<T> CallModelAsync<T>(this WorkflowContext ctx, ModelRequest request, JsonElement? schema = null, int repairAttempts = 2, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(repairAttempts);
        var current = request with
        {
            ResponseSchema = schema ?? request.ResponseSchema ?? StructuredOutput.SchemaOf<T>(),
            ResponseSchemaName = request.ResponseSchemaName ?? typeof(T).Name,
        };
        for (var attempt = 0; ; attempt++)
        {
            var response = await ctx.CallModelAsync(current, retry);
            var text = response.Message.Content;
            if (StructuredOutput.TryParse<T>(text, out var value, out var error))
            {
                return value!;
            }

            if (attempt >= repairAttempts)
            {
                throw new ModelOutputException(
                    $"The model's answer is not valid JSON for {typeof(T).Name} after {repairAttempts} repair prompt{(repairAttempts == 1 ? string.Empty : "s")}: {error} Answer: {text}");
            }

            // Only the answer's text goes back: tool calls without tool results would make the provider reject the request.
            current = current with
            {
                Messages = [.. current.Messages, ModelMessage.Assistant(text ?? string.Empty), ModelMessage.User(StructuredOutput.RepairPrompt(error!))],
            };
        }
    }
}
