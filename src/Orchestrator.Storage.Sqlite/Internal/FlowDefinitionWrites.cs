using Microsoft.Data.Sqlite;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>The writes of flow definitions, run by <see cref="SqliteWriter"/> inside its transaction.</summary>
internal static class FlowDefinitionWrites
{
    /// <summary>Inserts or replaces the draft.</summary>
    public static bool SaveDraft(SqliteConnection connection, SqliteTransaction transaction, FlowDefinitionRecord draft)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO flow_drafts (definition_id, name, json, saved_at, saved_by)
            VALUES ($id, $name, $json, $at, $by)
            ON CONFLICT (definition_id) DO UPDATE SET
                name = excluded.name, json = excluded.json, saved_at = excluded.saved_at, saved_by = excluded.saved_by
            """;
        Bind(command, draft);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Adds a version; false when that number exists already (the row is left as it was).</summary>
    public static bool AddVersion(SqliteConnection connection, SqliteTransaction transaction, FlowDefinitionRecord version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO flow_versions (definition_id, version, name, json, saved_at, saved_by)
            VALUES ($id, $version, $name, $json, $at, $by)
            ON CONFLICT (definition_id, version) DO NOTHING
            """;
        Bind(command, version);
        command.Parameters.AddWithValue("$version", version.Version!.Value);
        return command.ExecuteNonQuery() == 1;
    }

    private static void Bind(SqliteCommand command, FlowDefinitionRecord record)
    {
        command.Parameters.AddWithValue("$id", record.DefinitionId);
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$json", record.Json);
        command.Parameters.AddWithValue("$at", StoreTime.ToTicks(record.SavedAt));
        command.Parameters.AddWithValue("$by", (object?)record.SavedBy ?? DBNull.Value);
    }
}
