namespace Orchestrator.Server.Contracts;

/// <summary>A registered agent.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Model">The configured model name it uses; null for <c>default</c>.</param>
/// <param name="Tools">The tools it may call.</param>
internal sealed record AgentItem(string Name, string? Description, string? Model, IReadOnlyList<string> Tools);
