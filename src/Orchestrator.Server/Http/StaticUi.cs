namespace Orchestrator.Server.Http;

/// <summary>Serves the web UI from <c>wwwroot</c> at <c>/</c> when the folder exists; the UI signs in with an API key itself.</summary>
internal static class StaticUi
{
    public static IApplicationBuilder UseStaticUi(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(environment.WebRootPath) && Directory.Exists(environment.WebRootPath))
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        return app;
    }
}
