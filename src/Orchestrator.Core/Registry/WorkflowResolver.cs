using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Core.Registry;

/// <summary>Finds a workflow by name and version: first among the code workflows, then in the <see cref="IWorkflowSource"/>s.</summary>
internal sealed class WorkflowResolver(WorkflowRegistry registry, IEnumerable<IWorkflowSource> sources)
{
    private readonly IWorkflowSource[] _sources = [.. sources];

    public IReadOnlyList<WorkflowDescriptor> List() =>
    [
        .. registry.Workflows.Select(w => new WorkflowDescriptor(w.Name, w.Version, "code", w.Description)),
        .. _sources.SelectMany(s => s.List()).Where(d => registry.FindWorkflow(d.Name) is null),
    ];

    /// <summary>The workflow to start: a code workflow must have the version asked for.</summary>
    public WorkflowRegistration? Find(string name, string? version) => Find(name, version, codeVersionMustMatch: true);

    /// <summary>
    /// The workflow an existing instance runs: the deployed code of a code workflow (whatever version the instance
    /// started with), or exactly the recorded version of a sourced one.
    /// </summary>
    public WorkflowRegistration? FindForInstance(string name, string? version) => Find(name, version, codeVersionMustMatch: false);

    private WorkflowRegistration? Find(string name, string? version, bool codeVersionMustMatch)
    {
        if (registry.FindWorkflow(name) is { } code)
        {
            return !codeVersionMustMatch || version is null || version == code.Version ? code : null;
        }

        foreach (var source in _sources)
        {
            if (source.Find(name, version) is { } body)
            {
                var runner = new SourcedWorkflowRunner(body);
                return new WorkflowRegistration(
                    body.Name, body.Version, body.Description, _ => runner,
                    body.CheckInput is { } check ? json => check(json) is { } problem ? new WorkflowInputException(problem) : null : null);
            }
        }

        return null;
    }
}
