namespace Orchestrator.Core.Registry;

/// <summary>A registered activity: its name, how to invoke it over JSON, and how its calls are audited.</summary>
internal sealed record ActivityRegistration(
    string Name,
    Func<IServiceProvider, ActivityContext, string?, Task<string?>> Invoke,
    string? AuditAction = null,
    string? AuditSubject = null);
