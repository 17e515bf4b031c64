namespace Orchestrator.Cli.Api.Models;

/// <summary>Model tokens and cost an instance consumed so far.</summary>
internal sealed record InstanceUsage(long InputTokens = 0, long OutputTokens = 0, decimal CostUsd = 0);
