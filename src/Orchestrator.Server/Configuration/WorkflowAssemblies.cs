using System.Reflection;
using System.Runtime.Loader;

namespace Orchestrator.Server.Configuration;

/// <summary>
/// Extra assemblies of workflows and activities to deploy (<c>Orchestrator:WorkflowAssemblies</c>, an array of DLL paths),
/// besides the samples built into the server. They share the server's Orchestrator.Core; any other dependency they
/// bring is resolved from their own folder.
/// </summary>
internal static class WorkflowAssemblies
{
    /// <summary>The configured paths as full paths (relative ones see <see cref="ConfigPaths"/>); a missing file fails at start, naming its key.</summary>
    public static IReadOnlyList<string> ReadPaths(IConfiguration configuration)
    {
        var paths = new List<string>();
        foreach (var entry in configuration.GetSection(ConfigKeys.WorkflowAssemblies).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }

            var path = ConfigPaths.Resolve(entry.Value);
            if (!File.Exists(path))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{entry.Path}' is '{entry.Value}', but no file is at {path}; give the path of a built workflow assembly (.dll), relative to {ConfigPaths.BaseDirectory} or absolute.");
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Loads each assembly into the default context, so its types see the same Orchestrator.Core as the engine.</summary>
    public static IReadOnlyList<Assembly> Load(IReadOnlyList<string> paths)
    {
        var assemblies = new List<Assembly>();
        foreach (var path in paths)
        {
            var resolver = new AssemblyDependencyResolver(path);
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                resolver.ResolveAssemblyToPath(name) is { } dependency ? context.LoadFromAssemblyPath(dependency) : null;
            assemblies.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
        }

        return assemblies;
    }
}
