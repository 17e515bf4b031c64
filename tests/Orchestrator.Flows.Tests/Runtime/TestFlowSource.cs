using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>Offers fixed flows to the engine as workflows named by their definition id, at version 1.</summary>
internal sealed class TestFlowSource(IEnumerable<FlowDocument> flows, FlowOptions? options = null) : IWorkflowSource
{
    private readonly Dictionary<string, FlowProgram> _programs =
        flows.ToDictionary(f => f.DefinitionId, f => FlowProgram.Compile(f, options ?? new FlowOptions()), StringComparer.Ordinal);

    public IReadOnlyList<WorkflowDescriptor> List() => [.. _programs.Keys.Select(n => new WorkflowDescriptor(n, "1", "flow", null))];

    public WorkflowBody? Find(string name, string? version) =>
        _programs.TryGetValue(name, out var program) && version is null or "1"
            ? new WorkflowBody(name, "1", null, program.RunAsync)
            : null;
}
