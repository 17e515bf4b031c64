namespace Orchestrator.Testing.Internal;

/// <summary>One tool call a scripted reply asks for.</summary>
/// <param name="Name">The tool (function) name, as offered to the model.</param>
/// <param name="Arguments">The arguments exactly as they go on the wire: JSON text, or deliberately broken text.</param>
internal readonly record struct ScriptedToolCall(string Name, string Arguments);
