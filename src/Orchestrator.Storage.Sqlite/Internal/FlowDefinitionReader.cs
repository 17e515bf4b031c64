using Microsoft.Data.Sqlite;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Reads of flow drafts and published versions, on pooled read connections.</summary>
internal sealed class FlowDefinitionReader
{
    private const string DraftColumns = "definition_id, NULL, name, json, saved_at, saved_by";
    private const string VersionColumns = "definition_id, version, name, json, saved_at, saved_by";

    private readonly ReadConnectionPool _pool;

    public FlowDefinitionReader(ReadConnectionPool pool) => _pool = pool;

    public Task<FlowDefinitionRecord?> GetDraftAsync(string definitionId, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {DraftColumns} FROM flow_drafts WHERE definition_id = $id", definitionId, null, cancellationToken);

    public Task<FlowDefinitionRecord?> GetVersionAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        version is null
            ? SingleAsync($"SELECT {VersionColumns} FROM flow_versions WHERE definition_id = $id ORDER BY version DESC LIMIT 1", definitionId, null, cancellationToken)
            : SingleAsync($"SELECT {VersionColumns} FROM flow_versions WHERE definition_id = $id AND version = $version", definitionId, version, cancellationToken);

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListVersionsAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {VersionColumns} FROM flow_versions ORDER BY definition_id, version", cancellationToken);

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListDraftsAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {DraftColumns} FROM flow_drafts ORDER BY definition_id", cancellationToken);

    private async Task<FlowDefinitionRecord?> SingleAsync(string sql, string definitionId, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", definitionId);
            if (version is { } number)
            {
                command.Parameters.AddWithValue("$version", number);
            }

            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    private async Task<IReadOnlyList<FlowDefinitionRecord>> ListAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<FlowDefinitionRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(ReadRecord(reader));
            }

            return records;
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    private static FlowDefinitionRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        StoreTime.FromTicks(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5));
}
