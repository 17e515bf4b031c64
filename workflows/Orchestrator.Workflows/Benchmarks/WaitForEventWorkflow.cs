using System.Text.Json;
using Orchestrator.Core;

namespace Orchestrator.Workflows.Benchmarks;

/// <summary>
/// Waits, without a timeout, for the external event <c>go</c> and completes with its payload unchanged.
/// Proves that an idle instance costs nothing while it waits (it is evicted from memory), survives restarts,
/// and that events raised over the API reach it, including events raised before it started waiting.
/// </summary>
/// <remarks>
/// Fixed contract used by the benchmarks and deployment checks: do not change its name, event name or output.
/// The payload is a <see cref="JsonElement"/> so that any JSON (object, array, string, number, null) passes through.
/// The input is ignored; it is <see cref="object"/> so that starting it with no input or any input works.
/// </remarks>
[Workflow(Name, Description = "Waits for the external event 'go' and returns its payload (deployment check).")]
public sealed class WaitForEventWorkflow : Workflow<object?, JsonElement>
{
    /// <summary>The name clients start it by.</summary>
    public const string Name = "samples.wait-for-event";

    /// <summary>The event that completes the instance.</summary>
    public const string GoEvent = "go";

    public override async Task<JsonElement> RunAsync(WorkflowContext ctx, object? input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.SetCustomStatus(new { stage = "waiting-for-go" });
        var payload = await ctx.WaitForExternalEventAsync<JsonElement>(GoEvent);
        ctx.SetCustomStatus(null);
        return payload;
    }
}
