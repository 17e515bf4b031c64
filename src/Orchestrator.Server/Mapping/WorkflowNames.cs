using Orchestrator.Agents;
using Orchestrator.Core.Client;
using Orchestrator.Core.Storage;

namespace Orchestrator.Server.Mapping;

/// <summary>
/// What people call a workflow, for the <c>displayName</c> and <c>workflowDisplayName</c> fields: a designer flow's
/// title, the agent of an agent run, else the workflow's own name (which stays in <c>workflow</c> for scripts and links).
/// One snapshot per answer, so a page of items reads the catalog once.
/// </summary>
internal sealed class WorkflowNames
{
    private readonly Dictionary<string, string> _titles;

    private WorkflowNames(IEnumerable<WorkflowDescriptor> workflows)
    {
        _titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            if (!string.IsNullOrWhiteSpace(workflow.DisplayName))
            {
                _titles.TryAdd(workflow.Name, workflow.DisplayName.Trim());
            }
        }
    }

    /// <summary>The names of the workflows the client knows now.</summary>
    public static WorkflowNames From(IWorkflowClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new WorkflowNames(client.GetWorkflows());
    }

    /// <summary>The display name of <paramref name="workflow"/>; <paramref name="agent"/> names an agent run's agent.</summary>
    public string Of(string workflow, string? agent = null) =>
        workflow == AgentWorkflowExtensions.AgentWorkflowName && !string.IsNullOrWhiteSpace(agent) ? agent
        : _titles.TryGetValue(workflow, out var title) ? title
        : workflow;

    /// <summary>The display name of an instance's workflow (an agent run is named by its <c>agent</c> tag).</summary>
    public string Of(InstanceRecord instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Of(instance.Name, instance.Tags.TryGetValue("agent", out var agent) ? agent : null);
    }
}
