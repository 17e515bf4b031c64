using System.Reflection;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>Where the build put the programs these tests start.</summary>
internal static class BuiltArtifacts
{
    private static readonly string Root = Metadata("RepositoryRoot");
    private static readonly string BuildConfiguration = Metadata("Configuration");

    /// <summary>The repository's root folder, where <c>artifacts/</c> collects what a run leaves for people to look at.</summary>
    public static string RepositoryRoot => Root;

    /// <summary>The build configuration (Debug or Release) these tests and the programs they start were built in.</summary>
    public static string Configuration => BuildConfiguration;

    public static string ServerDll => Output("src/Orchestrator.Server", "Orchestrator.Server.dll");

    public static string CliDll => Output("src/Orchestrator.Cli", "orch.dll");

    public static string TestWorkflowsDll => Output("tests/Orchestrator.IntegrationTests.Workflows", "Orchestrator.IntegrationTests.Workflows.dll");

    private static string Output(string project, string file)
    {
        var path = Path.Combine(Root, project, "bin", BuildConfiguration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first; {path} is missing.", path);
    }

    private static string Metadata(string key) =>
        typeof(BuiltArtifacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
