namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>How much work one ledger instance does: sequential steps, then a parallel batch.</summary>
public sealed record LedgerRequest(int Steps, int Parallel, int DelayMs);
