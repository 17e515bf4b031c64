using System.Globalization;
using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the filters and paging of <c>GET /api/audit</c>.</summary>
internal static class AuditQueryParser
{
    private static readonly string[] Parameters = ["instanceId", "actor", "action", "q", "from", "to", "cursor", "limit"];


    /// <summary>Null when each parameter appears at most once; otherwise what to fix.</summary>
    public static string? CheckNoRepeats(IQueryCollection query) => QueryRepeats.Check(query, Parameters);

    /// <summary>The query, or a sentence saying which parameter to fix.</summary>
    public static (AuditQuery? Query, string? Error) Parse(
        string? instanceId, string? actor, string? action, string? text, string? from, string? to, string? cursor, string? limit)
    {
        var (start, end, rangeError) = TimeRangeParser.Parse(from, to);
        if (rangeError is not null)
        {
            return (null, rangeError);
        }

        if (!string.IsNullOrEmpty(cursor) && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1))
        {
            return (null, $"The cursor '{cursor}' is not one this server handed out; pass the nextCursor of a previous page unchanged.");
        }

        var size = 50;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > AuditQuery.MaxLimit))
        {
            return (null, $"The limit '{limit}' must be a whole number from 1 to {AuditQuery.MaxLimit}.");
        }

        return (new AuditQuery
        {
            InstanceId = Blank(instanceId),
            Actor = Blank(actor),
            Action = Blank(action),
            Text = Blank(text),
            From = start,
            To = end,
            Cursor = Blank(cursor),
            Limit = size,
        }, null);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
