namespace Orchestrator.Agents.Models;

/// <summary>Tokens a model call used.</summary>
/// <param name="InputTokens">Prompt tokens (including cached).</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
public sealed record TokenUsage(long InputTokens, long CachedInputTokens, long OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage Zero { get; } = new(0, 0, 0);

    /// <summary>Total tokens.</summary>
    public long Total => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    /// <param name="other">The other usage.</param>
    /// <returns>The sum.</returns>
    public TokenUsage Add(TokenUsage other) =>
        new(InputTokens + (other?.InputTokens ?? 0), CachedInputTokens + (other?.CachedInputTokens ?? 0), OutputTokens + (other?.OutputTokens ?? 0));
}
