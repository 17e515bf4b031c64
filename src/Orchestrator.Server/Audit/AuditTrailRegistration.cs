namespace Orchestrator.Server.Audit;

/// <summary>Adds the audit trail of API calls to the pipeline.</summary>
internal static class AuditTrailRegistration
{
    /// <summary>Records state-changing API calls; goes after routing and authentication, before authorization.</summary>
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.UseMiddleware<AuditTrailMiddleware>();
}
