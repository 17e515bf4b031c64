using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Problems;

/// <summary>Adds RFC 7807 problem details for every error answer, and the exception mapping.</summary>
internal static class ProblemRegistration
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services, ServerSettings settings)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemDefaults.Apply(context, settings));
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Malformed bodies throw BadHttpRequestException, so they reach the handler above instead of becoming empty 400s.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Exceptions, then empty error statuses (404 of unknown routes, 405) become problem details.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
