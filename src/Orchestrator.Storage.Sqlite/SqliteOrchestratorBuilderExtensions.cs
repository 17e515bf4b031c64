using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Internal;

namespace Orchestrator.Storage.Sqlite;

/// <summary>Chooses the embedded SQLite store for the engine.</summary>
public static class SqliteOrchestratorBuilderExtensions
{
    /// <summary>
    /// Keeps instances, histories and pending work in one SQLite database (<c>orchestrator.db</c>, WAL mode) in
    /// <see cref="SqliteStoreOptions.DataDir"/>, and resolves <see cref="IFlowDefinitionStore"/> to the same database. One process at a time may open a data folder; a second one fails
    /// at start with an error naming the folder. For several worker processes use the PostgreSQL store.
    /// </summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="configure">Sets the data folder and durability; also bindable as <c>IOptions&lt;SqliteStoreOptions&gt;</c>.</param>
    /// <returns>The builder.</returns>
    public static OrchestratorBuilder UseSqlite(this OrchestratorBuilder builder, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SqliteStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The same store keeps the designer's flow definitions (drafts and immutable published versions).
        builder.Services.TryAddSingleton<IFlowDefinitionStore>(services =>
            services.GetRequiredService<IWorkflowStore>() as IFlowDefinitionStore
            ?? throw new InvalidOperationException("The configured workflow store does not keep flow definitions."));
        return builder.UseStore(services => new SqliteWorkflowStore(
            services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<ILoggerFactory>()?.CreateLogger<SqliteWorkflowStore>() ?? NullLogger<SqliteWorkflowStore>.Instance));
    }
}
