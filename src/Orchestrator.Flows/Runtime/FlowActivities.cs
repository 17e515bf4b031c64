using Orchestrator.Core.Hosting;

namespace Orchestrator.Flows.Runtime;

/// <summary>The activities flows call that are not agents' (HTTP requests, human tasks, …), registered with the engine.</summary>
internal static class FlowActivities
{
    public static void Register(OrchestratorBuilder builder) => ArgumentNullException.ThrowIfNull(builder);
}
