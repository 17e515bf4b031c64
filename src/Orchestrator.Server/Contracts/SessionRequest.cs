namespace Orchestrator.Server.Contracts;

/// <summary>The body of <c>POST /api/session</c>: a user name and password, or an API key.</summary>
/// <param name="User">The user name (with <paramref name="Password"/>).</param>
/// <param name="Password">The user's password, configured under <c>Orchestrator:Users:&lt;user&gt;:Password</c>.</param>
/// <param name="ApiKey">An API key instead of user and password.</param>
internal sealed record SessionRequest(string? User, string? Password, string? ApiKey);
