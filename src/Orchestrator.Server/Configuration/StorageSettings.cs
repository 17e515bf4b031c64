namespace Orchestrator.Server.Configuration;

/// <summary>Which store the engine uses and how (<c>Orchestrator:Storage:*</c>).</summary>
/// <param name="Provider">The provider name, lower case.</param>
/// <param name="ConnectionString">An explicit connection string, or null for the default in the data folder.</param>
/// <param name="PowerLossDurability">Whether every commit is flushed to disk before it returns.</param>
internal sealed record StorageSettings(string Provider, string? ConnectionString, bool PowerLossDurability)
{
    public const string Sqlite = "sqlite";

    /// <summary>Reads and validates the storage settings; an unsupported provider fails here, at start.</summary>
    public static StorageSettings Read(IConfiguration configuration)
    {
        var provider = configuration[ConfigKeys.StorageProvider];
        provider = string.IsNullOrWhiteSpace(provider) ? Sqlite : provider.Trim().ToLowerInvariant();
        if (provider != Sqlite)
        {
            throw new ServerConfigurationException(
                $"Configuration '{ConfigKeys.StorageProvider}' is '{configuration[ConfigKeys.StorageProvider]}', "
                + $"but this server supports only '{Sqlite}'. Set it to '{Sqlite}' or remove it.");
        }

        var connectionString = configuration[ConfigKeys.StorageConnectionString];
        return new StorageSettings(
            provider,
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            ConfigValues.GetBool(configuration, ConfigKeys.StoragePowerLossDurability, defaultValue: false));
    }
}
