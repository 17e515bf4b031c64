using Microsoft.Extensions.Logging;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>The store's log messages.</summary>
internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied schema step {Version} ({Description}) to {Database}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Opened workflow store {Database} (schema version {Version}, synchronous={Synchronous})")]
    public static partial void Opened(ILogger logger, string database, int version, string synchronous);
}
