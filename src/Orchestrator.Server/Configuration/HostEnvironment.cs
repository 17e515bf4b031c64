namespace Orchestrator.Server.Configuration;

/// <summary>
/// Which environment the server runs in, and where its content root is, when the caller did not say.
/// </summary>
/// <remarks>
/// <para>An environment given explicitly (<c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c> or <c>--environment</c>)
/// always wins. Without one, <c>ORCHESTRATOR_DEFAULT_ENVIRONMENT</c> is used, which the launch profile that
/// <c>dotnet run</c> applies sets to Development (a launch profile that set <c>ASPNETCORE_ENVIRONMENT</c> itself would
/// override the user's own choice); without that too, the environment is Production.</para>
/// <para>The content root (appsettings.json, the web console) is the server's own folder unless <c>--contentRoot</c> or
/// <c>ASPNETCORE_CONTENTROOT</c> says otherwise, so the server finds its files wherever it is started; relative paths in
/// configuration are another matter (see <see cref="ConfigPaths"/>).</para>
/// </remarks>
/// <param name="EnvironmentName">The environment to pass to the host, or null to let the host read the explicit choice.</param>
/// <param name="ContentRootPath">The content root to pass to the host, or null to let the host read the explicit choice.</param>
/// <param name="Source">Where the environment came from, for the start-up log.</param>
internal sealed record HostEnvironment(string? EnvironmentName, string? ContentRootPath, string Source)
{
    /// <summary>The variable that names the environment when none is given explicitly (set by the launch profile).</summary>
    public const string DefaultVariable = "ORCHESTRATOR_DEFAULT_ENVIRONMENT";

    /// <summary>Decides from the options the caller gave, the command line and the process environment.</summary>
    public static HostEnvironment Resolve(WebApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The same sources, parsed the same way, as the host's own: ASPNETCORE_ and DOTNET_ variables and the command line.
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(options.Args ?? [])
            .Build();
        var contentRoot = options.ContentRootPath ?? (string.IsNullOrWhiteSpace(host[HostDefaults.ContentRootKey]) ? AppContext.BaseDirectory : null);
        if (options.EnvironmentName is { } given)
        {
            return new HostEnvironment(given, contentRoot, "the host's options");
        }

        if (!string.IsNullOrWhiteSpace(host[HostDefaults.EnvironmentKey]))
        {
            return new HostEnvironment(null, contentRoot, "ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment");
        }

        return Environment.GetEnvironmentVariable(DefaultVariable) is { Length: > 0 } fallback
            ? new HostEnvironment(fallback.Trim(), contentRoot, $"{DefaultVariable} (set by the launch profile of dotnet run)")
            : new HostEnvironment(Environments.Production, contentRoot, "the default, as no environment was given");
    }
}
