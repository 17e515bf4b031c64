namespace Orchestrator.Cli.Api.Models;

/// <summary>Why an instance or a step failed; steps carry no stack trace.</summary>
internal sealed record FailureInfo(string? Type = null, string? Message = null);
