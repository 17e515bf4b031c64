namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>How a test server process is configured.</summary>
internal sealed record ServerOptions(bool CacheEnabled = true, int CodeVersion = 1, FaultArming? Fault = null);

/// <summary>A fault point armed in the server: its <paramref name="AfterHits"/>-th pass kills the process.</summary>
internal sealed record FaultArming(string Point, int AfterHits);
