using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// Creates approvals the way an agent's approval step does: an instance of <see cref="AwaitApprovalWorkflow"/> starts
/// waiting for the decision event, and the task is created through the server's own <see cref="IHumanTaskService"/>.
/// </summary>
public static class ApprovalSetup
{
    public const string Agent = "triage-agent";

    public static async Task<PendingApproval> CreateAsync(this ServerFixture server, IReadOnlyList<string> assignTo, DateTime? dueAt = null)
    {
        var taskId = "task-" + Guid.NewGuid().ToString("N");
        var developer = server.Client(TestUsers.Developer);
        var instanceId = await developer.StartAsync(AwaitApprovalWorkflow.Name, taskId);
        await developer.WaitForStatusAsync(instanceId, "Running");
        await server.Services.GetRequiredService<IHumanTaskService>().CreateAsync(new HumanTask
        {
            TaskId = taskId,
            InstanceId = instanceId,
            Workflow = AwaitApprovalWorkflow.Name,
            Title = "Refund order 1042",
            Details = "The customer asks for a **refund** of 120 EUR.",
            ProposedJson = """{"orderId":1042,"amount":120}""",
            ProposedSchemaJson = """{"type":"object","properties":{"amount":{"type":"number"}}}""",
            AssignTo = assignTo,
            RequestedByAgent = Agent,
            OnBehalfOf = TestUsers.Developer,
            ContextJson = """{"conversation":[{"role":"user","text":"refund please"}]}""",
            CreatedAt = DateTime.UtcNow,
            DueAt = dueAt,
        });
        return new PendingApproval(taskId, instanceId);
    }
}
