namespace Orchestrator.Agents.Tests.Models;

/// <summary>A structured answer the tests ask models for.</summary>
public sealed record Verdict(string Label, double Confidence);
