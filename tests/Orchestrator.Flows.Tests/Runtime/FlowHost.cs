using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Hosting;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;
using Orchestrator.Testing;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>Starts the real engine on a SQLite file with the flows' activities and the given flows.</summary>
internal static class FlowHost
{
    public static Task<WorkflowTestHost> StartAsync(
        string dataDir, IEnumerable<FlowDocument> flows, ScriptedModelServer? model = null, IDictionary<string, string?>? settings = null,
        Action<OrchestratorBuilder>? more = null, bool cache = true, FlowOptions? options = null) =>
        WorkflowTestHost.StartAsync(
            dataDir,
            (o, _) =>
            {
                FlowActivities.Register(o);
                o.Services.AddSingleton<IWorkflowSource>(new TestFlowSource(flows, options));
                more?.Invoke(o);
            },
            model,
            settings,
            cache: cache);
}
