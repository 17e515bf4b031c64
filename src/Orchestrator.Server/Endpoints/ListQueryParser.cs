using System.Globalization;
using Orchestrator.Core;
using Orchestrator.Core.Storage;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the filters and paging of <c>GET /api/instances</c>.</summary>
internal static class ListQueryParser
{
    public const int MaxLimit = 500;

    private static readonly string[] Parameters = ["status", "workflow", "tag", "parent", "cursor", "limit"];

    /// <summary>Null when each parameter appears at most once; otherwise what to fix.</summary>
    public static string? CheckNoRepeats(IQueryCollection query) => QueryRepeats.Check(query, Parameters);

    /// <summary>The query, or a sentence saying which parameter to fix.</summary>
    public static (InstanceQuery? Query, string? Error) Parse(
        string? status, string? workflow, string? tag, string? cursor, string? limit, string? parent = null)
    {
        var result = new InstanceQuery();
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(status[0]))
            {
                return (null, $"The status '{status}' is not known; use one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}.");
            }

            result = result with { Status = parsed };
        }

        if (!string.IsNullOrEmpty(workflow))
        {
            result = result with { Workflow = workflow };
        }

        if (!string.IsNullOrEmpty(tag))
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (null, $"The tag filter '{tag}' must have the form key:value, e.g. tag=customer:acme.");
            }

            result = result with { TagKey = tag[..colon], TagValue = tag[(colon + 1)..] };
        }

        if (!string.IsNullOrEmpty(parent))
        {
            result = result with { ParentInstanceId = parent };
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            result = result with { Cursor = cursor };
        }

        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxLimit)
            {
                return (null, $"The limit '{limit}' must be a whole number from 1 to {MaxLimit}.");
            }

            result = result with { Limit = n };
        }

        return (result, null);
    }
}
