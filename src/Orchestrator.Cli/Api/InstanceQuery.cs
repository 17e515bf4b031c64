using System.Globalization;
using System.Text;

namespace Orchestrator.Cli.Api;

/// <summary>Filters and paging of <c>GET /api/instances</c>; null members are left out of the query string.</summary>
internal sealed record InstanceQuery(string? Status = null, string? Workflow = null, string? Tag = null, int? Limit = null, string? Cursor = null)
{
    /// <summary>The query string, starting with <c>?</c>, or empty when nothing is set.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        Append(query, "status", Status);
        Append(query, "workflow", Workflow);
        Append(query, "tag", Tag);
        Append(query, "cursor", Cursor);
        Append(query, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
