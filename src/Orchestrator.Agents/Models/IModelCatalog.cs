using Microsoft.Extensions.AI;

namespace Orchestrator.Agents.Models;

/// <summary>
/// The configured models (<c>Orchestrator:Models:&lt;name&gt;:*</c>), chat clients for them (Microsoft.Extensions.AI over
/// the official OpenAI SDK), and their prices. The model named <c>default</c> serves every request that names none.
/// </summary>
public interface IModelCatalog
{
    /// <summary>A model's settings.</summary>
    /// <param name="name">The configured name; null for <c>default</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ModelNotConfiguredException">The model is not configured, or wrongly; the message names the keys to set.</exception>
    ModelSettings Get(string? name);

    /// <summary>
    /// A chat client for a model, built once per model. The SDK does not retry: the engine retries the step durably,
    /// per its retry policy.
    /// </summary>
    /// <param name="name">The configured name; null for <c>default</c>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ModelNotConfiguredException">The model is not configured, or wrongly; the message names the keys to set.</exception>
    IChatClient GetChatClient(string? name);

    /// <summary>
    /// What a call's tokens cost in US dollars at the model's prices per million tokens: cached input tokens at
    /// <see cref="ModelPrices.CachedInputPerMillion"/>, the rest of the input at <see cref="ModelPrices.InputPerMillion"/>,
    /// output at <see cref="ModelPrices.OutputPerMillion"/>; 0 for a model without prices.
    /// </summary>
    /// <param name="name">The configured name; null for <c>default</c>.</param>
    /// <param name="usage">The tokens.</param>
    /// <returns>US dollars.</returns>
    /// <exception cref="ModelNotConfiguredException">The model is not configured, or wrongly; the message names the keys to set.</exception>
    decimal Cost(string? name, TokenUsage usage);

    /// <summary>
    /// The names of the configured models (<c>Orchestrator:Models:&lt;name&gt;</c>), ordered; <c>default</c> is among
    /// them when it is configured by name or through the environment alone.
    /// </summary>
    IReadOnlyList<string> Names => [];
}
