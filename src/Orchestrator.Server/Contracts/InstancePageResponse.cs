namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/instances</c>: a page of summaries, newest first.</summary>
/// <param name="Items">The instances.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null on the last page.</param>
internal sealed record InstancePageResponse(IReadOnlyList<InstanceSummary> Items, string? NextCursor);
