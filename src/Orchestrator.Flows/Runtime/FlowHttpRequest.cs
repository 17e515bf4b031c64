namespace Orchestrator.Flows.Runtime;

/// <summary>The input of the <c>flow.http</c> step (recorded in history).</summary>
/// <param name="NodeId">The node that sends it (named in errors).</param>
/// <param name="Url">The absolute URL.</param>
/// <param name="Method">The method (GET by default).</param>
/// <param name="Content">The body, as text.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Authorization">The Authorization header value.</param>
/// <param name="Headers">More request headers.</param>
internal sealed record FlowHttpRequest(
    string NodeId, string Url, string Method, string? Content, string? ContentType, string? Authorization, IReadOnlyDictionary<string, string>? Headers);
