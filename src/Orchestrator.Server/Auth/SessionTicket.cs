namespace Orchestrator.Server.Auth;

/// <summary>What the session cookie carries, signed: who signed in, the session's id, and when it was last used.</summary>
/// <param name="User">The user name.</param>
/// <param name="SessionId">A random id, the root of the session's CSRF token and what sign-out revokes.</param>
/// <param name="LastSeen">When the session was issued or last refreshed (UTC); it expires an idle timeout later.</param>
internal sealed record SessionTicket(string User, string SessionId, DateTime LastSeen);
