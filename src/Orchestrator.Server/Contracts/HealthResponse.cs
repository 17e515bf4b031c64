namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/health</c>.</summary>
/// <param name="Status">Always <c>ok</c> while the server answers.</param>
internal sealed record HealthResponse(string Status);
