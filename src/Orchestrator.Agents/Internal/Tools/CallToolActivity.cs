using System.Text.Json;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>One tool call, as one step, with the call's idempotency key and principal pair.</summary>
[Activity(Name, AuditAction = AuditActions.StepTool, AuditSubject = "tool")]
internal sealed class CallToolActivity(IToolRegistry registry) : Activity<ToolCallRequest, JsonElement>
{
    public const string Name = "orchestrator.tool-call";

    public override async Task<JsonElement> RunAsync(ActivityContext context, ToolCallRequest input)
    {
        var result = await registry.InvokeAsync(
            input.Tool,
            input.ArgumentsJson,
            new ToolInvocationContext(context.IdempotencyKey, context.InstanceId, context.Agent, context.StartedBy, context.CancellationToken));
        using var document = JsonDocument.Parse(result);
        return document.RootElement.Clone();
    }
}
