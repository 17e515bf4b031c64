namespace Orchestrator.Server.Configuration;

/// <summary>The server's own settings under <c>Orchestrator:*</c>, read and validated once at start.</summary>
/// <param name="DataDir">The data folder, as a full path.</param>
/// <param name="Storage">The store.</param>
/// <param name="Fault">The armed crash-test fault, or null.</param>
/// <param name="MaxRequestBytes">The largest request body accepted.</param>
/// <param name="StreamKeepAlive">How often an idle event stream sends a keep-alive comment.</param>
/// <param name="WorkflowAssemblyPaths">Extra workflow assemblies to deploy, as full paths.</param>
/// <param name="FlowPaths">Designer flow files and folders published at start, as full paths.</param>
/// <param name="Limits">What one client may do before it is slowed down or summarised.</param>
internal sealed record ServerSettings(
    string DataDir,
    StorageSettings Storage,
    FaultSettings? Fault,
    long MaxRequestBytes,
    TimeSpan StreamKeepAlive,
    IReadOnlyList<string> WorkflowAssemblyPaths,
    IReadOnlyList<string> FlowPaths,
    ClientLimits Limits)
{
    public const string DefaultDataDir = "./data";
    public const long DefaultMaxRequestBytes = 1024 * 1024;
    public static readonly TimeSpan DefaultStreamKeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Reads the settings; anything invalid fails here with a message naming the key.</summary>
    public static ServerSettings Read(IConfiguration configuration)
    {
        var dataDir = configuration[ConfigKeys.DataDir];
        return new ServerSettings(
            ConfigPaths.Resolve(string.IsNullOrWhiteSpace(dataDir) ? DefaultDataDir : dataDir),
            StorageSettings.Read(configuration),
            FaultSettings.Read(configuration),
            ConfigValues.GetLong(configuration, ConfigKeys.MaxRequestBytes, DefaultMaxRequestBytes, min: 1),
            ConfigValues.GetTimeSpan(configuration, ConfigKeys.StreamKeepAlive, DefaultStreamKeepAlive),
            WorkflowAssemblies.ReadPaths(configuration),
            Configuration.FlowPaths.Read(configuration),
            ClientLimits.Read(configuration));
    }
}
