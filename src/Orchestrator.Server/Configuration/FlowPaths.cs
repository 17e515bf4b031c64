namespace Orchestrator.Server.Configuration;

/// <summary>
/// The designer flow files published at start (<c>Orchestrator:Flows:Paths</c>: an array of <c>.json</c> files or folders
/// of them). Without the key, the samples copied next to the server (<c>&lt;server folder&gt;/workflows</c>); an entry
/// set to an empty string turns loading off.
/// </summary>
internal static class FlowPaths
{
    /// <summary>The folder the sample flows are copied to, next to the server's assembly.</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>The configured paths as full paths (relative ones see <see cref="ConfigPaths"/>); a missing one fails at start, naming its key.</summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigKeys.FlowPaths);
        var entries = section.GetChildren().ToList();
        if (entries.Count == 0 && section.Value is null)
        {
            return Directory.Exists(SamplesFolder) ? [SamplesFolder] : [];
        }

        // A single value (environment variable Orchestrator__Flows__Paths) counts as one entry.
        var values = entries.Count == 0 ? [(section.Path, section.Value)] : entries.Select(e => (e.Path, e.Value)).ToList();
        var paths = new List<string>();
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var path = ConfigPaths.Resolve(value);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{key}' is '{value}', but there is no file or folder at {path}; give a flow .json file or a folder of them, relative to {ConfigPaths.BaseDirectory} or absolute.");
            }

            paths.Add(path);
        }

        return paths;
    }
}
