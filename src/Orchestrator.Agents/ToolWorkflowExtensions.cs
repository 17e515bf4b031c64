using System.Text.Json;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents;

/// <summary>Tool calls from workflow code: each is one checkpointed step.</summary>
public static class ToolWorkflowExtensions
{
    /// <summary>Calls a tool (C#, HTTP or MCP) with the call's idempotency key and principal pair. No retries unless asked for: tools have side effects.</summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="name">The tool name.</param>
    /// <param name="arguments">The arguments (an object, serialized to JSON).</param>
    /// <param name="retry">The retry policy; none by default.</param>
    /// <returns>The tool's result as JSON.</returns>
    public static Task<JsonElement> CallToolAsync(this WorkflowContext ctx, string name, object? arguments = null, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.CallActivityAsync<JsonElement>(CallToolActivity.Name, new ToolCallRequest(name, OrchestratorJson.Serialize(arguments) ?? "{}"), retry);
    }

    /// <summary>Calls a tool and reads its result as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="name">The tool name.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="retry">The retry policy; none by default.</param>
    /// <returns>The result.</returns>
    public static async Task<T> CallToolAsync<T>(this WorkflowContext ctx, string name, object? arguments = null, RetryPolicy? retry = null) =>
        (await ctx.CallToolAsync(name, arguments, retry)).Deserialize<T>(OrchestratorJson.Options)!;
}
