namespace Orchestrator.Cli.Api;

/// <summary>Grouping, time range and buckets of <c>GET /api/usage</c>; null members are left out of the query string.</summary>
internal sealed record UsageQuery(string? GroupBy = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Interval = null)
{
    public string ToQueryString() => QueryString.Build(
        ("groupBy", GroupBy),
        ("from", IsoTime.Format(From)),
        ("to", IsoTime.Format(To)),
        ("interval", Interval));
}
