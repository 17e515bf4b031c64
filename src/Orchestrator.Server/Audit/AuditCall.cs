namespace Orchestrator.Server.Audit;

/// <summary>
/// The audit record of the current state-changing call, as an HTTP feature: endpoints may name what the route alone
/// does not tell (the instance a start created, a decision's verb), or say that the change recorded the call itself.
/// </summary>
internal sealed class AuditCall
{
    /// <summary>The actor, when the request's own user does not tell (a sign-in names the user it signed in).</summary>
    public string? Actor { get; set; }

    /// <summary>The action, when the endpoint knows better than its route (e.g. <c>approval.approved</c>).</summary>
    public string? Action { get; set; }

    /// <summary>The target, when the route does not name it (e.g. the instance a start created).</summary>
    public string? Target { get; set; }

    /// <summary>The instance the call concerns, when the route does not name it.</summary>
    public string? InstanceId { get; set; }

    /// <summary>True when the change wrote the call's audit record in its own transaction (an approval decision).</summary>
    public bool RecordedWithChange { get; set; }

    /// <summary>The current API call's record (written for state-changing and refused calls), or null outside <c>/api</c>.</summary>
    public static AuditCall? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<AuditCall>();
    }
}
