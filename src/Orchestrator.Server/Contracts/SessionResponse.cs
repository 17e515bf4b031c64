namespace Orchestrator.Server.Contracts;

/// <summary>Who the caller is: the answer of <c>POST</c> and <c>GET /api/session</c>.</summary>
/// <param name="User">The user name.</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="CsrfToken">
/// For a session cookie: the value to send as <c>X-CSRF-Token</c> on POST, PUT, PATCH and DELETE; null for a bearer key.
/// </param>
internal sealed record SessionResponse(string User, IReadOnlyList<string> Roles, string? CsrfToken);
