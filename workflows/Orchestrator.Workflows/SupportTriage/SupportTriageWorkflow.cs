using Orchestrator.Agents;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Workflows.SupportTriage;

/// <summary>
/// A support conversation with memory: the agent answers the customer's message, then the conversation stays open for
/// follow-up messages (event <c>customer-message</c>), each answered with the whole conversation so far, until the
/// customer closes it (event <c>close</c>) or goes quiet for the follow-up window.
/// </summary>
[Workflow(Name, Description = "Support agent with order lookup, refunds (approval above $500) and conversation memory.")]
public sealed class SupportTriageWorkflow : Workflow<SupportRequest, SupportConversation>
{
    public const string Name = "support.triage";

    public override async Task<SupportConversation> RunAsync(WorkflowContext ctx, SupportRequest input)
    {
        var memory = new List<ModelMessage>();
        var replies = new List<string>();
        var cost = 0m;
        var message = input.Message;
        var close = ctx.WaitForExternalEventAsync<string?>("close");
        AgentRunResult result;
        do
        {
            result = await ctx.RunAgentAsync(SupportAgents.Triage, $"Customer {input.Customer} writes: {message}", memory);
            var reply = result.Output ?? result.Reason;
            replies.Add(reply);
            cost += result.CostUsd;
            memory.Add(ModelMessage.User(message));
            memory.Add(ModelMessage.Assistant(reply));
            ctx.SetCustomStatus(new { lastReply = reply, turns = replies.Count });
            message = await NextMessageAsync(ctx, close, input.FollowUpWindow ?? TimeSpan.FromDays(1));
        }
        while (message is not null);

        return new SupportConversation(input.Customer, replies, replies.Count, cost, result.Status);
    }

    /// <summary>The customer's next message, or null when they close the conversation or stay silent.</summary>
    private static async Task<string?> NextMessageAsync(WorkflowContext ctx, Task<string?> close, TimeSpan window)
    {
        var next = ctx.WaitForExternalEventAsync<string>("customer-message", window);
        var first = await Task.WhenAny((Task)next, close);
        if (first == close)
        {
            return null;
        }

        try
        {
            return await next;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
