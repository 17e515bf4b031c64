using Orchestrator.Core.Client;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Problems;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Endpoints;

/// <summary>The read side of instances: list, one instance, and its history as steps.</summary>
internal static class InstanceQueryEndpoints
{
    public static RouteGroupBuilder MapInstanceQueries(this RouteGroupBuilder api)
    {
        api.MapGet("/instances", ListAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Instances")
            .WithName("ListInstances")
            .WithSummary("A page of instance summaries, newest first; filter by status, workflow, tag (key:value) or parent (the child instances of an instance: sub-workflows, agents).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/instances/{id}", GetAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Instances")
            .WithName("GetInstance")
            .WithSummary("One instance with its input, output, error and custom status; usage counts its descendants (sub-workflows, agents) too, ownUsage only its own steps.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/instances/{id}/history", GetHistoryAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Instances")
            .WithName("GetInstanceHistory")
            .WithSummary("The instance's checkpointed steps in order; events=true adds the raw history events.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        IWorkflowClient client,
        CancellationToken cancellationToken,
        string? status = null,
        string? workflow = null,
        string? tag = null,
        string? cursor = null,
        string? limit = null,
        string? parent = null)
    {
        var (query, error) = ListQueryParser.CheckNoRepeats(request.Query) is { } repeated
            ? (null, repeated)
            : ListQueryParser.Parse(status, workflow, tag, cursor, limit, parent);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var page = await client.ListInstancesAsync(query, cancellationToken);
        var names = WorkflowNames.From(client);
        return TypedResults.Ok(new InstancePageResponse([.. page.Items.Select(i => ApiMapper.ToSummary(i, names))], page.NextCursor));
    }

    private static async Task<IResult> GetAsync(string id, IWorkflowClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, cancellationToken);
        return instance is null ? ApiProblems.InstanceNotFound(id) : TypedResults.Ok(ApiMapper.ToDetails(instance, WorkflowNames.From(client)));
    }

    private static async Task<IResult> GetHistoryAsync(string id, IWorkflowClient client, CancellationToken cancellationToken, bool events = false)
    {
        var instance = await client.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        var history = await client.GetHistoryAsync(id, cancellationToken);
        var steps = StepProjector.Project(history, instance.StartedBy).Select(ApiMapper.ToDto).ToList();
        return TypedResults.Ok(new HistoryResponse(id, steps) { Events = events ? history : null });
    }
}
