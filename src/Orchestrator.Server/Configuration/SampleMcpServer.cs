namespace Orchestrator.Server.Configuration;

/// <summary>
/// The research library MCP server of the <c>research.report</c> sample (<c>workflows/Orchestrator.Workflows.Mcp</c>),
/// which the server's build copies to <c>&lt;server folder&gt;/samples/mcp</c>. Unless <c>Orchestrator:Tools:Mcp:library</c>
/// is configured, the server registers it as <c>dotnet &lt;server folder&gt;/samples/mcp/Orchestrator.Workflows.Mcp.dll</c>:
/// a full path, so the sample works wherever the server is started. It is started only when a step uses one of its tools.
/// </summary>
internal static class SampleMcpServer
{
    public const string Name = "library";
    public const string Section = "Orchestrator:Tools:Mcp:" + Name;

    /// <summary>Where the build puts the sample server's assembly.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "samples", "mcp", "Orchestrator.Workflows.Mcp.dll");

    /// <summary>Whether the sample is used: <see cref="Section"/> is not configured.</summary>
    public static bool IsDefault(IConfiguration configuration) => !configuration.GetSection(Section).Exists();

    /// <summary>Registers the sample unless <see cref="Section"/> is configured and as long as it was built.</summary>
    public static void AddWhenUnset(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (IsDefault(configuration) && File.Exists(AssemblyPath))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [Section + ":Command"] = "dotnet",
                [Section + ":Arguments:0"] = AssemblyPath,
            });
        }
    }
}
