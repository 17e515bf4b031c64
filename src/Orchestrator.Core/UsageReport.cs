namespace Orchestrator.Core;

/// <summary>Tokens and cost one activity used (a model call), reported through <see cref="ActivityContext.ReportUsage"/>.</summary>
/// <param name="Model">The model name as configured.</param>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">The cost from the configured price table (0 when the model has no prices).</param>
public sealed record UsageReport(string Model, long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd);
