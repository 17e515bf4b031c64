namespace Orchestrator.Server.Endpoints;

/// <summary>
/// Rejects query parameters given more than once. Repeats must be caught on the raw query, because binding joins
/// repeated values with commas.
/// </summary>
internal static class QueryRepeats
{
    /// <summary>Null when each of <paramref name="parameters"/> appears at most once; otherwise what to fix.</summary>
    public static string? Check(IQueryCollection query, IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repeated = parameters.FirstOrDefault(name => query[name].Count > 1);
        return repeated is null ? null : $"The query parameter '{repeated}' may be given only once.";
    }
}
