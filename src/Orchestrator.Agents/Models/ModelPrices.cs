namespace Orchestrator.Agents.Models;

/// <summary>A model's prices in US dollars per million tokens (<c>Orchestrator:Models:&lt;name&gt;:Prices:*</c>).</summary>
/// <param name="InputPerMillion">Uncached prompt tokens.</param>
/// <param name="CachedInputPerMillion">Cached prompt tokens.</param>
/// <param name="OutputPerMillion">Completion tokens.</param>
public sealed record ModelPrices(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion)
{
    /// <summary>No prices configured: usage costs nothing.</summary>
    public static ModelPrices None { get; } = new(0, 0, 0);

    /// <summary>The cost of a call's usage.</summary>
    /// <param name="usage">The tokens.</param>
    /// <returns>US dollars.</returns>
    public decimal Cost(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var uncached = Math.Max(0, usage.InputTokens - usage.CachedInputTokens);
        return ((uncached * InputPerMillion) + (usage.CachedInputTokens * CachedInputPerMillion) + (usage.OutputTokens * OutputPerMillion)) / 1_000_000m;
    }
}
