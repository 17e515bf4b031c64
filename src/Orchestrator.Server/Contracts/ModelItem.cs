namespace Orchestrator.Server.Contracts;

/// <summary>A configured model.</summary>
/// <param name="Name">The name steps use (<c>Orchestrator:Models:&lt;name&gt;</c>).</param>
/// <param name="Model">The provider's model id; null when the model's configuration is incomplete.</param>
internal sealed record ModelItem(string Name, string? Model);
