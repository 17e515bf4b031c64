namespace Orchestrator.Server.Audit;

/// <summary>Adds the audit trail of API calls to the pipeline.</summary>
internal static class AuditTrailRegistration
{
    /// <summary>The budget of anonymous records and the writer of its summaries.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AnonymousAuditBudget(sp.GetRequiredService<Configuration.ServerSettings>().Limits));
        services.AddHostedService<AnonymousAuditSummaryWriter>();
        return services;
    }

    /// <summary>Records state-changing and refused API calls; goes after routing and authentication, before the CSRF check and authorization.</summary>
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.UseMiddleware<AuditTrailMiddleware>();
}
