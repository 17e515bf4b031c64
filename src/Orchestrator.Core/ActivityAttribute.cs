namespace Orchestrator.Core;

/// <summary>Names an activity for registration and for <see cref="WorkflowContext.CallActivityAsync{TResult}(string, object?, RetryPolicy?)"/>.</summary>
/// <param name="name">The name workflows use, e.g. <c>orders.reserve-stock</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string name) : Attribute
{
    /// <summary>The name workflows use.</summary>
    public string Name { get; } = name;

    /// <summary>The audit action of a finished call (e.g. <c>step.model</c>); null for <c>step.activity</c>.</summary>
    public string? AuditAction { get; set; }

    /// <summary>
    /// A top-level string property of the input whose value the audit record names as the call's subject (e.g. the
    /// tool's name). The rest of the input is never recorded; name only a property that cannot hold a secret.
    /// </summary>
    public string? AuditSubject { get; set; }
}
