using System.Text.Json;

namespace Orchestrator.Agents.Models;

/// <summary>A tool offered to the model: its name, what it does, and its parameters' JSON schema.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Description">What it does.</param>
/// <param name="Parameters">The JSON schema of its arguments (an object schema).</param>
public sealed record ModelToolSpec(string Name, string? Description, JsonElement Parameters);
