using System.Text.Json;

namespace Orchestrator.Agents.Models;

/// <summary>A tool offered to the model: its name, what it does, and its parameters' JSON schema.</summary>
/// <param name="Name">
/// The tool's registered name (<c>billing.refund</c>, <c>mcp:files.read</c>); the model call offers it under a name
/// the provider accepts and maps the model's calls back to this one.
/// </param>
/// <param name="Description">What it does.</param>
/// <param name="Parameters">The JSON schema of its arguments (an object schema).</param>
public sealed record ModelToolSpec(string Name, string? Description, JsonElement Parameters);
