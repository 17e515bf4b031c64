namespace Orchestrator.Cli.Api.Models;

/// <summary>Who asks for an approval: the agent (if an agent asks) and the person it acts for.</summary>
internal sealed record ApprovalRequester(string? Agent = null, string? OnBehalfOf = null);
