using System.Globalization;

namespace Orchestrator.Cli.Api;

/// <summary>Filters and paging of <c>GET /api/instances</c>; null members are left out of the query string.</summary>
internal sealed record InstanceQuery(string? Status = null, string? Workflow = null, string? Tag = null, int? Limit = null, string? Cursor = null)
{
    /// <summary>The query string, starting with <c>?</c>, or empty when nothing is set.</summary>
    public string ToQueryString() => QueryString.Build(
        ("status", Status),
        ("workflow", Workflow),
        ("tag", Tag),
        ("cursor", Cursor),
        ("limit", Limit?.ToString(CultureInfo.InvariantCulture)));
}
