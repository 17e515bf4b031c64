using System.Text.Json;

namespace Orchestrator.Server.Contracts;

/// <summary>A registered tool.</summary>
/// <param name="Name">Its name (<c>crm.lookup</c>, <c>mcp:files.read</c>).</param>
/// <param name="Description">What it does.</param>
/// <param name="Kind"><c>csharp</c>, <c>http</c> or <c>mcp</c>.</param>
/// <param name="Parameters">The JSON schema of its arguments.</param>
internal sealed record ToolItem(string Name, string? Description, string Kind, JsonElement Parameters);
