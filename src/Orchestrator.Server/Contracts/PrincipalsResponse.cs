namespace Orchestrator.Server.Contracts;

/// <summary>Who tasks can be assigned to: <c>user:&lt;name&gt;</c> or <c>role:&lt;role&gt;</c>.</summary>
/// <param name="Users">The configured user names, ordered.</param>
/// <param name="Roles">The roles.</param>
internal sealed record PrincipalsResponse(IReadOnlyList<string> Users, IReadOnlyList<string> Roles);
