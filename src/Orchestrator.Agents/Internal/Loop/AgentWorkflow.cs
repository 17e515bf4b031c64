using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>
/// The durable agent loop: a model turn, then the tool calls it asked for (in parallel, each approved first where the
/// agent's rules say so), then the next turn, until a final answer or a limit. Each turn and each tool call is a
/// checkpointed step, so a crash after the 7th tool call resumes at the 8th.
/// </summary>
[Workflow(Name, Description = "Runs one agent: model turns, tool calls, approvals, until a final answer or a limit.")]
internal sealed class AgentWorkflow(AgentCatalog agents) : Workflow<AgentRunRequest, AgentRunResult>
{
    public const string Name = AgentWorkflowExtensions.AgentWorkflowName;
    public const string ListToolsActivity = "orchestrator.agent-tools";
    public const string HandOffPrefix = "agent:";
    private const int OutputRepairs = 2;

    public override async Task<AgentRunResult> RunAsync(WorkflowContext ctx, AgentRunRequest input)
    {
        var agent = input.Agent;
        var run = new AgentRun(agent, ctx.CurrentUtcDateTime);
        var tools = agent.Tools.Count == 0
            ? []
            : await ctx.CallActivityAsync<List<ModelToolSpec>>(ListToolsActivity, new AgentToolsRequest(agent.Tools));
        var instructions = InstructionTemplate.Render(agent.Instructions, new Dictionary<string, string> { ["input"] = input.Input, ["agent"] = agent.Name });
        var messages = new List<ModelMessage> { ModelMessage.System(instructions) };
        messages.AddRange(input.History ?? []);
        messages.Add(ModelMessage.User(input.Input));
        var calls = new ToolCallRunner(ctx, agent, agents, tools);
        var repairs = 0;

        while (true)
        {
            if (run.LimitReached(ctx.CurrentUtcDateTime) is { } limit)
            {
                return run.Result(limit.Status, limit.Reason);
            }

            ctx.SetCustomStatus(new { agent = agent.Name, turn = run.Turns + 1 });
            var response = await ctx.CallModelAsync(new ModelRequest
            {
                Model = agent.Model,
                Messages = [.. messages],
                Tools = tools.Count == 0 ? null : tools,
                Temperature = agent.Temperature,
                ResponseSchema = agent.OutputSchema,
                ResponseSchemaName = agent.OutputSchema is null ? null : "answer",
                Stream = agent.Stream,
            });
            run.CountTurn(response);
            messages.Add(response.Message);

            if (response.Message.ToolCalls is { Count: > 0 } toolCalls)
            {
                var results = await Task.WhenAll(toolCalls.Select(calls.RunAsync));
                run.ToolCalls += toolCalls.Count;
                messages.AddRange(toolCalls.Zip(results, (call, result) => ModelMessage.Tool(call.Id, result)));
                continue;
            }

            if (agent.OutputSchema is null)
            {
                return run.Result(AgentRunStatus.Completed, "The agent gave its final answer.");
            }

            if (TryParseJson(response.Message.Content, out var structured))
            {
                return run.Result(AgentRunStatus.Completed, "The agent gave its final answer.", structured);
            }

            if (repairs++ >= OutputRepairs)
            {
                return run.Result(AgentRunStatus.InvalidOutput, $"The final answer was not valid JSON for the output schema after {OutputRepairs} repair prompts.");
            }

            messages.Add(ModelMessage.User("Your answer was not valid JSON for the required schema. Reply with only the JSON object."));
        }
    }

    private static bool TryParseJson(string? text, out JsonElement value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            value = document.RootElement.Clone();
            return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
