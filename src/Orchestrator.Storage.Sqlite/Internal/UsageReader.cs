using System.Globalization;
using System.Text;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Totals of the <c>usage</c> table, grouped in SQL; costs are summed as integers, so exactly.</summary>
internal sealed class UsageReader
{
    private readonly ReadConnectionPool _pool;

    public UsageReader(ReadConnectionPool pool) => _pool = pool;

    public async Task<IReadOnlyList<UsageGroup>> QueryAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var grouping = UsageQuery.Groupings.FirstOrDefault(g => string.Equals(g, query.GroupBy, StringComparison.OrdinalIgnoreCase));
        var key = KeyExpression(grouping)
            ?? throw new ArgumentException(
                $"Cannot group usage by '{query.GroupBy}'; use one of: {string.Join(", ", UsageQuery.Groupings)}.", nameof(query));
        var bucketTicks = BucketTicks(query.Interval);

        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder(
                $"""
                SELECT {key} AS k, COUNT(*), SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens), SUM(cost_nanousd) AS cost,
                  {(bucketTicks is { } ticks ? $"at / {ticks}" : "NULL")} AS b
                FROM usage WHERE 1 = 1
                """);
            if (query.From is { } from)
            {
                sql.Append(" AND at >= $from");
                command.Parameters.AddWithValue("$from", StoreTime.ToTicks(from));
            }

            if (query.To is { } to)
            {
                sql.Append(" AND at < $to");
                command.Parameters.AddWithValue("$to", StoreTime.ToTicks(to));
            }

            // A day key is the day number; it sorts like its yyyy-MM-dd text, which is made here rather than in SQL.
            sql.Append(bucketTicks is null ? " GROUP BY k ORDER BY cost DESC, k" : " GROUP BY b, k ORDER BY b, k");
            command.CommandText = sql.ToString();

            var groups = new List<UsageGroup>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.IsDBNull(0) ? null
                    : grouping == "day" ? new DateTime(reader.GetInt64(0) * TimeSpan.TicksPerDay, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : reader.GetString(0);
                var totals = new UsageTotals(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), UsageCost.FromNanos(reader.GetInt64(5)));
                DateTime? bucket = bucketTicks is { } size ? new DateTime(reader.GetInt64(6) * size, DateTimeKind.Utc) : null;
                groups.Add(new UsageGroup(name, reader.GetInt64(1), totals, bucket));
            }

            return groups;
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    /// <summary>The length of a time bucket in ticks (a fixed number, never the caller's text); null for none.</summary>
    private static long? BucketTicks(string? interval) => interval?.ToLowerInvariant() switch
    {
        null => null,
        "hour" => TimeSpan.TicksPerHour,
        "day" => TimeSpan.TicksPerDay,
        _ => throw new ArgumentException(
            $"Cannot total usage per '{interval}'; use one of: {string.Join(", ", UsageQuery.Intervals)}.", nameof(interval)),
    };

    /// <summary>The SQL of a group key, from a fixed list (never from the caller's text); null for an unknown grouping.</summary>
    private static string? KeyExpression(string? grouping) => grouping switch
    {
        "workflow" => "root_workflow",
        "agent" => "agent",
        "user" => "user_name",
        "model" => "model",
        "instance" => "instance_id",
        "day" => $"at / {TimeSpan.TicksPerDay}",
        _ => null,
    };
}
