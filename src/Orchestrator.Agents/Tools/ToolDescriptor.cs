using System.Text.Json;

namespace Orchestrator.Agents.Tools;

/// <summary>A tool in the registry.</summary>
/// <param name="Name">The name (<c>crm.lookup</c>, <c>mcp:files.read</c>).</param>
/// <param name="Description">What it does.</param>
/// <param name="Parameters">The JSON schema of its arguments.</param>
/// <param name="Kind"><c>csharp</c>, <c>http</c> or <c>mcp</c>.</param>
public sealed record ToolDescriptor(string Name, string? Description, JsonElement Parameters, string Kind);
