using Microsoft.Data.Sqlite;
using Orchestrator.Core.Governance;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Maps rows of the <c>human_tasks</c> table and its status column.</summary>
internal static class HumanTaskRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "task_id, instance_id, workflow, title, details, proposed, proposed_schema, assign_to, requested_by_agent, " +
        "on_behalf_of, context, created_at, due_at, status, decided_by, decided_at, comment, edits";

    /// <summary>The status text of a task waiting for a decision.</summary>
    public static readonly string PendingText = StatusText(HumanTaskStatus.Pending);

    public static HumanTask Read(SqliteDataReader reader) => new()
    {
        TaskId = reader.GetString(0),
        InstanceId = reader.GetString(1),
        Workflow = reader.GetString(2),
        Title = reader.GetString(3),
        Details = InstanceRows.StringOrNull(reader, 4),
        ProposedJson = InstanceRows.StringOrNull(reader, 5),
        ProposedSchemaJson = InstanceRows.StringOrNull(reader, 6),
        AssignTo = StoreJson.DeserializeStrings(reader.GetString(7)),
        RequestedByAgent = InstanceRows.StringOrNull(reader, 8),
        OnBehalfOf = InstanceRows.StringOrNull(reader, 9),
        ContextJson = InstanceRows.StringOrNull(reader, 10),
        CreatedAt = StoreTime.FromTicks(reader.GetInt64(11)),
        DueAt = TimeOrNull(reader, 12),
        Status = ParseStatus(reader.GetString(13)),
        DecidedBy = InstanceRows.StringOrNull(reader, 14),
        DecidedAt = TimeOrNull(reader, 15),
        Comment = InstanceRows.StringOrNull(reader, 16),
        EditsJson = InstanceRows.StringOrNull(reader, 17),
    };

    public static string StatusText(HumanTaskStatus status) =>
        Enum.IsDefined(status)
            ? status.ToString()
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined human task status.");

    public static HumanTaskStatus ParseStatus(string text) =>
        Enum.TryParse<HumanTaskStatus>(text, ignoreCase: false, out var status) && Enum.IsDefined(status)
            ? status
            : throw new InvalidDataException($"The store holds an unknown human task status '{text}'.");

    /// <summary>The distinct assignee strings, as kept in <c>human_task_assignees</c>.</summary>
    public static IEnumerable<string> Assignees(IReadOnlyList<string> assignTo) => assignTo.Distinct(StringComparer.Ordinal);

    private static DateTime? TimeOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoreTime.FromTicks(reader.GetInt64(ordinal));
}
