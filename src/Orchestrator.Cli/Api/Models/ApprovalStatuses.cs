namespace Orchestrator.Cli.Api.Models;

/// <summary>The approval status names of the HTTP API, and the <c>all</c> filter.</summary>
internal static class ApprovalStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";

    /// <summary>The <c>status</c> filter value that lists every task whatever its status.</summary>
    public const string All = "all";

    /// <summary>Every value <c>GET /api/approvals?status=</c> accepts.</summary>
    public static IReadOnlyList<string> Filters { get; } = [Pending, Approved, Rejected, Expired, Withdrawn, All];
}
