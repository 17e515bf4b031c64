using System.Security.Claims;

namespace Orchestrator.Server.Auth;

/// <summary>The authenticated caller of a request: its user name and roles, and what it may be assigned as.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Roles">The roles, lower case.</param>
internal sealed record Caller(string Name, IReadOnlyList<string> Roles)
{
    /// <summary>Whether the caller may do everything.</summary>
    public bool IsAdmin => Roles.Contains(Auth.Roles.Admin);

    /// <summary>
    /// The assignee entries of the tasks this caller may decide (<c>user:&lt;name&gt;</c>, then <c>role:&lt;role&gt;</c> for each
    /// role); null for an administrator, who may decide every task (<see cref="Orchestrator.Core.Governance.HumanTask.DecidableBy"/>).
    /// </summary>
    public IReadOnlyList<string>? Assignees => Orchestrator.Core.Governance.HumanTask.DecidableBy(Name, Roles);

    /// <summary>The caller of an authenticated request (the API-key handler sets the name and role claims).</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Caller(user.Identity?.Name ?? string.Empty, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
    }
}
