namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>How a test server process is configured.</summary>
internal sealed record ServerOptions(bool CacheEnabled = true, int CodeVersion = 1, FaultArming? Fault = null, string? ModelEndpoint = null)
{
    /// <summary>More configuration, as environment variables (<c>__</c> for <c>:</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Start as a new user does, with none of the test configuration (no users, no data folder, no environment; inherited
    /// <c>ASPNETCORE_*</c>, <c>DOTNET_ENVIRONMENT</c> and <c>Orchestrator__*</c> variables removed): only <see cref="Extra"/>.
    /// </summary>
    public bool Unconfigured { get; init; }

    /// <summary>Start with README's command, <c>dotnet run --project src/Orchestrator.Server</c> (already built: <c>--no-build</c>).</summary>
    public bool ViaDotnetRun { get; init; }

    /// <summary>The folder the server is started in; null for the server's output folder.</summary>
    public string? WorkingDirectory { get; init; }
}

/// <summary>A fault point armed in the server: its <paramref name="AfterHits"/>-th pass kills the process.</summary>
internal sealed record FaultArming(string Point, int AfterHits);
