using System.Globalization;

namespace Orchestrator.Cli.Api;

/// <summary>Filters and paging of <c>GET /api/audit</c>; null members are left out of the query string.</summary>
internal sealed record AuditQuery(
    string? InstanceId = null,
    string? Actor = null,
    string? Action = null,
    string? Search = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Cursor = null,
    int? Limit = null)
{
    public string ToQueryString() => QueryString.Build(
        ("instanceId", InstanceId),
        ("actor", Actor),
        ("action", Action),
        ("q", Search),
        ("from", IsoTime.Format(From)),
        ("to", IsoTime.Format(To)),
        ("cursor", Cursor),
        ("limit", Limit?.ToString(CultureInfo.InvariantCulture)));
}
