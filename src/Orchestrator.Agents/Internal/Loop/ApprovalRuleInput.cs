namespace Orchestrator.Agents.Internal.Loop;

/// <summary>A rule's condition and the tool call's arguments.</summary>
internal sealed record ApprovalRuleInput(string Tool, string Condition, string ArgumentsJson);
