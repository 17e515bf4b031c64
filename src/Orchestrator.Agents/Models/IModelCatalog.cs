using Microsoft.Extensions.AI;

namespace Orchestrator.Agents.Models;

/// <summary>The configured models, and chat clients for them (Microsoft.Extensions.AI over the official OpenAI SDK).</summary>
public interface IModelCatalog
{
    /// <summary>A model's settings.</summary>
    /// <param name="name">The configured name; null for <c>default</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ModelNotConfiguredException">The model is not configured; the message names the keys to set.</exception>
    ModelSettings Get(string? name);

    /// <summary>A chat client for a model (cached).</summary>
    /// <param name="name">The configured name; null for <c>default</c>.</param>
    /// <returns>The client.</returns>
    IChatClient GetChatClient(string? name);
}
