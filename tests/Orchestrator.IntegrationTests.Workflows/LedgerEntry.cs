namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>One ledger write: a label and how long the "downstream system" takes.</summary>
public sealed record LedgerEntry(string Label, int DelayMs);
