using Orchestrator.Core.Client;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Endpoints;

/// <summary><c>GET /api/workflows</c>: what can be started.</summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflows(this RouteGroupBuilder api)
    {
        api.MapGet("/workflows", (IWorkflowClient client) =>
                TypedResults.Ok(new ItemsResponse<WorkflowItem>([.. client.GetWorkflows().Select(ApiMapper.ToItem)])))
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Workflows")
            .WithName("ListWorkflows")
            .WithSummary("Every runnable workflow with its version and displayName (a flow's title, else the name).");
        return api;
    }
}
