using System.Globalization;

namespace Orchestrator.Cli.Api;

/// <summary>Filters of <c>GET /api/approvals</c>; null members are left out, so the server's defaults apply (pending, mine).</summary>
/// <param name="Status"><c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>expired</c>, <c>withdrawn</c> or <c>all</c>.</param>
/// <param name="EveryAssignee">True for <c>assignee=all</c> (administrators): every task, not only the caller's.</param>
/// <param name="InstanceId">Only the tasks of this instance.</param>
/// <param name="Limit">At most this many tasks.</param>
internal sealed record ApprovalQuery(string? Status = null, bool EveryAssignee = false, string? InstanceId = null, int? Limit = null)
{
    public string ToQueryString() => QueryString.Build(
        ("status", Status),
        ("assignee", EveryAssignee ? "all" : null),
        ("instanceId", InstanceId),
        ("limit", Limit?.ToString(CultureInfo.InvariantCulture)));
}
