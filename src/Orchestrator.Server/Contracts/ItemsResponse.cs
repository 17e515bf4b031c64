namespace Orchestrator.Server.Contracts;

/// <summary>A list answer: <c>{ "items": [...] }</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
internal sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
