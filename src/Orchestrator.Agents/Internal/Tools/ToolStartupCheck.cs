namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// An options type with no settings: validating it on start builds the <see cref="ToolRegistry"/>, so that a tool
/// name used twice, a malformed HTTP or MCP entry or a malformed egress rule (<see cref="HttpEgressPolicy"/>) stops the
/// host from starting instead of failing the first call.
/// </summary>
internal sealed class ToolStartupCheck;
