namespace Orchestrator.Agents.Models;

/// <summary>A model call's result as recorded in history.</summary>
/// <param name="Message">The assistant message (text and/or tool calls).</param>
/// <param name="Model">The configured model name.</param>
/// <param name="ModelId">The provider's model id that answered.</param>
/// <param name="FinishReason">Why the model stopped (<c>stop</c>, <c>tool_calls</c>, <c>length</c>, …).</param>
/// <param name="LatencyMs">How long the call took.</param>
/// <param name="Usage">Tokens used.</param>
/// <param name="CostUsd">Cost from the price table.</param>
public sealed record ModelResponse(ModelMessage Message, string Model, string? ModelId, string? FinishReason, double LatencyMs, TokenUsage Usage, decimal CostUsd);
