namespace Orchestrator.Testing;

/// <summary>A request a <see cref="RecordingHttpEndpoint"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="Body">The body text.</param>
/// <param name="Headers">The headers (case-insensitive).</param>
public sealed record RecordedHttpRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers);
