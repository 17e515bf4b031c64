namespace Orchestrator.Server.Contracts;

/// <summary>Who asks for an approval: the principal pair.</summary>
/// <param name="Agent">The agent that asks, if an agent asks.</param>
/// <param name="OnBehalfOf">The person on whose behalf it asks.</param>
internal sealed record ApprovalRequester(string? Agent, string? OnBehalfOf);
