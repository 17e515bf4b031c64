namespace Orchestrator.Testing.Internal;

/// <summary>What a scripted reply sends back.</summary>
internal enum ReplyKind
{
    /// <summary>An assistant message: text, tool calls, or both.</summary>
    Message,

    /// <summary>An HTTP error with an OpenAI-style error body.</summary>
    Error,

    /// <summary>A 200 whose body is not valid JSON.</summary>
    Malformed,
}
