using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Core;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>The workflows the model tests run: each one calls models the way production workflow code does.</summary>
internal static class ModelWorkflows
{
    /// <summary>Retries quickly, so fault tests finish fast.</summary>
    public static RetryPolicy FastRetry { get; } = new() { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(50), BackoffCoefficient = 1 };

    public static JsonElement OrderSchema { get; } = JsonDocument.Parse("""{"type":"object","properties":{"orderId":{"type":"string"}},"required":["orderId"]}""").RootElement;

    public static IReadOnlyList<ModelToolSpec> Tools { get; } =
    [
        new("crm_lookup", "Looks up an order.", OrderSchema),
        new("billing_status", "Tells whether an order is paid.", OrderSchema),
    ];

    public static void Register(OrchestratorBuilder o, AgentsBuilder agents)
    {
        o.AddWorkflow<string, ModelResponse>("test.ask", (ctx, question) => ctx.CallModelAsync(Ask(question), FastRetry));
        o.AddWorkflow<string, ModelResponse>("test.ask-default-retry", (ctx, question) => ctx.CallModelAsync(Ask(question)));
        o.AddWorkflow<string, ModelResponse>("test.ask-missing", (ctx, question) => ctx.CallModelAsync(Ask(question) with { Model = "triage" }));
        o.AddWorkflow<string, ModelResponse>("test.stream", (ctx, question) => ctx.CallModelAsync(Ask(question) with { Stream = true }, FastRetry));
        o.AddWorkflow<ClassifyInput, Verdict>("test.classify", (ctx, input) =>
            ctx.CallModelAsync<Verdict>(Ask(input.Question), input.Schema, input.RepairAttempts, FastRetry));
        o.AddWorkflow<bool, ModelResponse[]>("test.tools", ToolRoundTripAsync);
        o.AddWorkflow<string, ModelResponse[]>("test.wait-between", WaitBetweenCallsAsync);
    }

    private static ModelRequest Ask(string question) => new()
    {
        Messages = [ModelMessage.System("You answer briefly."), ModelMessage.User(question)],
        Temperature = 0.2f,
        MaxOutputTokens = 300,
    };

    // A model turn asking for tools, then a turn that gets every call's result back: what an agent loop does.
    private static async Task<ModelResponse[]> ToolRoundTripAsync(WorkflowContext ctx, bool stream)
    {
        var request = new ModelRequest { Messages = [ModelMessage.User("Where is order A-1, and is it paid?")], Tools = Tools, Stream = stream };
        var first = await ctx.CallModelAsync(request, FastRetry);
        var results = (first.Message.ToolCalls ?? []).Select(call => ModelMessage.Tool(call.Id, $$"""{"tool":"{{call.Name}}","ok":true}"""));
        var second = await ctx.CallModelAsync(request with { Messages = [.. request.Messages, first.Message, .. results] }, FastRetry);
        return [first, second];
    }

    // Two model calls with a durable wait between them: a restart or an uncached replay in the wait must not repeat the first.
    private static async Task<ModelResponse[]> WaitBetweenCallsAsync(WorkflowContext ctx, string question)
    {
        var request = Ask(question);
        var first = await ctx.CallModelAsync(request, FastRetry);
        var followUp = await ctx.WaitForExternalEventAsync<string>("follow-up");
        var second = await ctx.CallModelAsync(request with { Messages = [.. request.Messages, first.Message, ModelMessage.User(followUp)] }, FastRetry);
        return [first, second];
    }
}
