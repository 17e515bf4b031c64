using System.Net;

namespace Orchestrator.Cli.Api;

/// <summary>A typed response together with the server's JSON exactly as sent, which <c>--json</c> prints.</summary>
internal sealed record ApiResult<T>(T Value, string Json, HttpStatusCode StatusCode);
