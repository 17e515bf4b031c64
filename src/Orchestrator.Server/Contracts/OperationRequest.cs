namespace Orchestrator.Server.Contracts;

/// <summary>The optional body of an operation such as terminate.</summary>
/// <param name="Reason">Why; recorded in history.</param>
internal sealed record OperationRequest(string? Reason);
