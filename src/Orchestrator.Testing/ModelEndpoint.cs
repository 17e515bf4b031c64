namespace Orchestrator.Testing;

/// <summary>The OpenAI API a <see cref="RecordedRequest"/> was sent to.</summary>
public enum ModelEndpoint
{
    /// <summary><c>POST /v1/chat/completions</c>: the Chat Completions API (<c>ChatClient</c> in the OpenAI SDK).</summary>
    ChatCompletions,

    /// <summary><c>POST /v1/responses</c>: the Responses API (<c>ResponsesClient</c> in the OpenAI SDK).</summary>
    Responses,
}
