using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>One kind of tool (C#, HTTP, MCP) behind the registry.</summary>
internal interface IToolSource
{
    Task<IReadOnlyList<ToolDescriptor>> DescribeAsync(CancellationToken cancellationToken);

    Task<string> InvokeAsync(ToolDescriptor tool, System.Text.Json.Nodes.JsonObject arguments, ToolInvocationContext context);
}
