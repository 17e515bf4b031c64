using Microsoft.Data.Sqlite;
using Orchestrator.Core;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Maps rows of the <c>instances</c> table and the status column.</summary>
internal static class InstanceRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "instance_id, name, version, status, input, output, error, custom_status, created_at, updated_at, " +
        "started_by, parent_instance_id, tags, execution_id, input_tokens, cached_input_tokens, output_tokens, cost_nanousd, " +
        "total_input_tokens, total_cached_input_tokens, total_output_tokens, total_cost_nanousd";

    private static readonly InstanceStatus[] _statuses = Enum.GetValues<InstanceStatus>();
    private static readonly string[] _statusTexts = [.. _statuses.Select(s => s.ToString())];

    /// <summary>The finished statuses as a SQL list, e.g. <c>('Completed','Failed','Terminated')</c>.</summary>
    public static string TerminalStatusList { get; } =
        "(" + string.Join(',', _statuses.Where(s => s.IsTerminal()).Select(s => $"'{s}'")) + ")";

    /// <summary>The statuses in which stored activities and timers are not to be run: the finished ones and Suspended.</summary>
    public static string HeldStatusList { get; } =
        "(" + string.Join(',', _statuses.Where(s => s.IsTerminal() || s == InstanceStatus.Suspended).Select(s => $"'{s}'")) + ")";

    public static InstanceRecord Read(SqliteDataReader reader) => new(
        InstanceId: reader.GetString(0),
        Name: reader.GetString(1),
        Version: StringOrNull(reader, 2),
        Status: ParseStatus(reader.GetString(3)),
        Input: StringOrNull(reader, 4),
        Output: StringOrNull(reader, 5),
        Error: StoreJson.DeserializeFailure(StringOrNull(reader, 6)),
        CustomStatus: StringOrNull(reader, 7),
        CreatedAt: StoreTime.FromTicks(reader.GetInt64(8)),
        UpdatedAt: StoreTime.FromTicks(reader.GetInt64(9)),
        StartedBy: StringOrNull(reader, 10),
        ParentInstanceId: StringOrNull(reader, 11),
        Tags: StoreJson.DeserializeTags(StringOrNull(reader, 12)),
        ExecutionId: reader.GetString(13),
        Usage: new UsageTotals(reader.GetInt64(14), reader.GetInt64(15), reader.GetInt64(16), UsageCost.FromNanos(reader.GetInt64(17))),
        TotalUsage: new UsageTotals(reader.GetInt64(18), reader.GetInt64(19), reader.GetInt64(20), UsageCost.FromNanos(reader.GetInt64(21))));

    public static string StatusText(InstanceStatus status) =>
        (uint)status < (uint)_statusTexts.Length && _statuses[(int)status] == status
            ? _statusTexts[(int)status]
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined instance status.");

    public static InstanceStatus ParseStatus(string text) =>
        Enum.TryParse<InstanceStatus>(text, ignoreCase: false, out var status) && Enum.IsDefined(status)
            ? status
            : throw new InvalidDataException($"The store holds an unknown instance status '{text}'.");

    public static string? StringOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
