using Microsoft.Extensions.FileProviders;

namespace Orchestrator.Server.Http;

/// <summary>
/// Serves the web console (built from <c>src/Orchestrator.Web</c> into <c>wwwroot</c>) at <c>/</c>, anonymously: the
/// files hold no data, and the console signs in through <c>/api/session</c>. Any other GET outside the API falls back
/// to <c>index.html</c>, so the console's own routes (<c>/inbox</c>, <c>/instances/{id}</c>) survive a reload.
/// </summary>
internal static class StaticUi
{
    private const string IndexFile = "index.html";

    // Vite puts content-hashed files here: a changed file gets a new name, so they may be cached for good.
    private static readonly PathString HashedAssets = new("/assets");

    // Paths that belong to the server, not to the console: unknown ones keep their 404 problem answer.
    private static readonly PathString[] ServerPaths = [new("/api"), new("/openapi"), new("/scalar")];

    public static IApplicationBuilder UseStaticUi(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        if (FindFiles(environment) is not { } files)
        {
            return app;
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = context => SetCaching(context.Context) });
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HashedAssets))
            {
                // A hashed file that is not there belongs to another build: a 404, not the page and not a sign-in prompt.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return IsConsoleRoute(context.Request) ? SendIndexAsync(context, files.GetFileInfo(IndexFile)) : next(context);
        });
        return app;
    }

    /// <summary>
    /// The configured web root when it holds the console (the project folder under <c>dotnet run</c>), else the copy the
    /// build puts next to the assembly (a server started from its output folder, whatever the working directory).
    /// </summary>
    private static IFileProvider? FindFiles(IWebHostEnvironment environment)
    {
        if (environment.WebRootFileProvider is { } webRoot && webRoot.GetFileInfo(IndexFile).Exists)
        {
            return webRoot;
        }

        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return File.Exists(Path.Combine(besideAssembly, IndexFile)) ? new PhysicalFileProvider(besideAssembly) : null;
    }

    private static bool IsConsoleRoute(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ServerPaths.Any(request.Path.StartsWithSegments);

    private static async Task SendIndexAsync(HttpContext context, IFileInfo index)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        SetCaching(context, isIndex: true);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    private static void SetCaching(HttpContext context, bool isIndex = false)
    {
        var headers = context.Response.Headers;
        if (!isIndex && context.Request.Path.StartsWithSegments(HashedAssets))
        {
            headers.CacheControl = "public, max-age=31536000, immutable";
        }
        else
        {
            // index.html names the current hashed files, so a browser must ask again after every deployment.
            headers.CacheControl = "no-cache";
        }
    }
}
