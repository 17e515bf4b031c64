namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>How a test server process is configured.</summary>
internal sealed record ServerOptions(bool CacheEnabled = true, int CodeVersion = 1, FaultArming? Fault = null, string? ModelEndpoint = null)
{
    /// <summary>More configuration, as environment variables (<c>__</c> for <c>:</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}

/// <summary>A fault point armed in the server: its <paramref name="AfterHits"/>-th pass kills the process.</summary>
internal sealed record FaultArming(string Point, int AfterHits);
