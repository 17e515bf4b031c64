using System.Globalization;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the filters of <c>GET /api/approvals</c>.</summary>
internal static class ApprovalQueryParser
{
    public const int MaxLimit = 500;

    /// <summary><c>assignee=me</c> (the default): the tasks the caller may decide by its name and roles, every task for an administrator.</summary>
    public const string Me = "me";

    /// <summary><c>status=all</c>, and <c>assignee=all</c> (administrators only): no filter.</summary>
    public const string All = "all";

    private static readonly string[] Parameters = ["status", "assignee", "instanceId", "limit"];

    private static readonly string[] Statuses = [.. Enum.GetValues<HumanTaskStatus>().Select(ApprovalMapper.StatusText), All];

    /// <summary>Null when each parameter appears at most once; otherwise what to fix.</summary>
    public static string? CheckNoRepeats(IQueryCollection query) => QueryRepeats.Check(query, Parameters);

    /// <summary>Whether <paramref name="assignee"/> asks for every task regardless of assignment.</summary>
    public static bool IsAll(string? assignee) => string.Equals(assignee, All, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The query for a caller who may decide the tasks assigned to any of <paramref name="callerAssignees"/> (null: every
    /// task, see <see cref="HumanTask.DecidableBy"/>), or a sentence saying which parameter to fix.
    /// Whether the caller may ask for <c>assignee=all</c> is the endpoint's decision (see <see cref="IsAll"/>).
    /// </summary>
    public static (HumanTaskQuery? Query, string? Error) Parse(
        string? status, string? assignee, string? instanceId, string? limit, IReadOnlyList<string>? callerAssignees)
    {
        var query = new HumanTaskQuery { Status = HumanTaskStatus.Pending, AnyAssignee = callerAssignees };
        if (!string.IsNullOrEmpty(status))
        {
            var known = Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return (null, $"The status '{status}' is not known; use one of {string.Join(", ", Statuses)}.");
            }

            query = query with { Status = known == All ? null : Enum.Parse<HumanTaskStatus>(known, ignoreCase: true) };
        }

        if (!string.IsNullOrEmpty(assignee))
        {
            if (IsAll(assignee))
            {
                query = query with { AnyAssignee = null };
            }
            else if (!string.Equals(assignee, Me, StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"The assignee '{assignee}' is not known; use {Me} (the tasks you may decide) or {All} (every task; administrators only).");
            }
        }

        if (!string.IsNullOrEmpty(instanceId))
        {
            query = query with { InstanceId = instanceId };
        }

        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxLimit)
            {
                return (null, $"The limit '{limit}' must be a whole number from 1 to {MaxLimit}.");
            }

            query = query with { Limit = n };
        }

        return (query, null);
    }
}
