using System.Text;

namespace Orchestrator.Cli.Api;

/// <summary>Builds a query string from name/value pairs, leaving out the values that are null.</summary>
internal static class QueryString
{
    /// <summary>E.g. <c>?status=Running&amp;limit=5</c>, or empty when every value is null.</summary>
    public static string Build(params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }
}
