namespace Orchestrator.Cli.Tests.Support;

/// <summary>A request the CLI sent, captured before the handler answered.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body, string Accept)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
