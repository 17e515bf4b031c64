using System.Security.Claims;

namespace Orchestrator.Server.Auth;

/// <summary>A configured user: the name that becomes <c>StartedBy</c>, and the roles it holds.</summary>
/// <param name="Name">The user name (the key under <c>Orchestrator:Users</c>).</param>
/// <param name="Roles">The roles, lower case.</param>
internal sealed record ApiUser(string Name, IReadOnlyList<string> Roles)
{
    /// <summary>
    /// The principal of a request authenticated as this user: the same name and role claims whichever way the user signed
    /// in, so every policy works for API keys and sessions alike.
    /// </summary>
    public ClaimsPrincipal ToPrincipal(string scheme, params Claim[] extraClaims)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name) };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(extraClaims);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
