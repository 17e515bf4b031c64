namespace Orchestrator.Server.Configuration;

/// <summary>
/// The one rule for paths in configuration (<c>Orchestrator:DataDir</c>, <c>:WorkflowAssemblies</c>, <c>:Flows:Paths</c>,
/// and the <c>Command</c>, <c>Arguments</c> and <c>WorkingDirectory</c> of MCP servers, which are started in the same
/// folder): a relative path is relative to the folder the server was started in, its working directory. README's
/// <c>dotnet run --project src/Orchestrator.Server</c> starts the server in the folder it is run from (the project sets
/// <c>RunWorkingDirectory</c>), so <c>./data</c> is there. Files that ship with the server (appsettings.json, the web
/// console, the sample flows and MCP server) are found next to its assembly instead, wherever it is started.
/// </summary>
internal static class ConfigPaths
{
    /// <summary>The folder relative paths resolve against: the working directory the process started in.</summary>
    public static string BaseDirectory { get; } = Directory.GetCurrentDirectory();

    /// <summary><paramref name="path"/> as a full path, relative ones taken from <see cref="BaseDirectory"/>.</summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetFullPath(path.Trim(), BaseDirectory);
    }
}
