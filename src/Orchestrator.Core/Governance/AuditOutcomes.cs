namespace Orchestrator.Core.Governance;

/// <summary>The audit outcome values (docs/security.md).</summary>
public static class AuditOutcomes
{
    /// <summary>Done as asked.</summary>
    public const string Ok = "ok";

    /// <summary>Tried and failed (an error, a 5xx answer, a failed step).</summary>
    public const string Failed = "failed";

    /// <summary>Not authenticated (401), or refused by a policy.</summary>
    public const string Denied = "denied";

    /// <summary>Authenticated but not allowed (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The state did not allow it (409).</summary>
    public const string Conflict = "conflict";

    /// <summary>The request was malformed or named something that does not exist (other 4xx).</summary>
    public const string Invalid = "invalid";
}
