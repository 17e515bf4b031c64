namespace Orchestrator.Core.Storage;

/// <summary>A page of instances.</summary>
/// <param name="Items">The instances.</param>
/// <param name="NextCursor">The cursor for the next page, or null at the end.</param>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Items, string? NextCursor);
