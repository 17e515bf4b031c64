using Orchestrator.Agents;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tools;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;

namespace Orchestrator.Server.Endpoints;

/// <summary>What a flow can name: configured models, registered tools and agents, and the principals tasks go to.</summary>
internal static class CatalogEndpoints
{
    private const string Tag = "Catalog";

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        api.MapGet("/models", (IModelCatalog models) => TypedResults.Ok(new ItemsResponse<ModelItem>([.. models.Names.Select(name => new ModelItem(name, ModelId(models, name)))])))
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ListModels")
            .WithSummary("The configured models (Orchestrator:Models:<name>) with their model ids.");
        api.MapGet("/tools", async (IToolRegistry tools, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ItemsResponse<ToolItem>([.. (await tools.ListAsync(cancellationToken)).Select(t => new ToolItem(t.Name, t.Description, t.Kind, t.Parameters))])))
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ListTools")
            .WithSummary("The registered tools with the JSON schema of their arguments.");
        api.MapGet("/agents", (AgentCatalog agents) =>
                TypedResults.Ok(new ItemsResponse<AgentItem>([.. agents.All.Select(a => new AgentItem(a.Name, a.Description, a.Model, a.Tools))])))
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ListAgents")
            .WithSummary("The registered agents with their model and tools.");
        api.MapGet("/principals", (UserDirectory users) =>
                TypedResults.Ok(new PrincipalsResponse([.. users.Users.Select(u => u.Name).Order(StringComparer.Ordinal)], [.. Roles.All.Order(StringComparer.Ordinal)])))
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags(Tag)
            .WithName("ListPrincipals")
            .WithSummary("The users and roles approvals and tasks can be assigned to (user:<name>, role:<role>).");
        return api;
    }

    /// <summary>The model id, or null when the model's configuration is incomplete (the name is still offered).</summary>
    private static string? ModelId(IModelCatalog models, string name)
    {
        try
        {
            return models.Get(name).Model;
        }
        catch (ModelNotConfiguredException)
        {
            return null;
        }
    }
}
