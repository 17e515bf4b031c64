using System.Text.Json.Nodes;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>A kind of tool whose names are known at start-up (C# methods, HTTP endpoints from configuration).</summary>
internal interface IToolSource
{
    /// <summary>The tools, each with where it was declared (for a duplicate-name error).</summary>
    IReadOnlyList<ToolEntry> Tools { get; }

    /// <summary>Calls one of <see cref="Tools"/> with arguments already checked against its schema.</summary>
    Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context);
}
