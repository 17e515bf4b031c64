namespace Orchestrator.Testing.Internal;

/// <summary>Token counts a reply reports.</summary>
/// <param name="Input">Prompt (input) tokens, cached ones included.</param>
/// <param name="Output">Completion (output) tokens.</param>
/// <param name="Cached">The part of <paramref name="Input"/> served from the prompt cache.</param>
internal readonly record struct ReplyUsage(int Input, int Output, int Cached);
