namespace Orchestrator.Server.Endpoints;

/// <summary>Maps every endpoint group of the HTTP API under <c>/api</c>.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api")
            .MapHealth()
            .MapSession()
            .MapWorkflows()
            .MapDefinitions()
            .MapCatalog()
            .MapInstanceQueries()
            .MapInstanceCommands()
            .MapInstanceStream()
            .MapApprovals()
            .MapApprovalStream()
            .MapUsage()
            .MapAudit();
        return endpoints;
    }
}
