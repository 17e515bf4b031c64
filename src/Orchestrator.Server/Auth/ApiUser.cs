namespace Orchestrator.Server.Auth;

/// <summary>A configured user: the name that becomes <c>StartedBy</c>, and the roles it holds.</summary>
/// <param name="Name">The user name (the key under <c>Orchestrator:Users</c>).</param>
/// <param name="Roles">The roles, lower case.</param>
internal sealed record ApiUser(string Name, IReadOnlyList<string> Roles);
