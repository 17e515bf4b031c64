using Orchestrator.Core.Storage;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Endpoints;

/// <summary><c>GET /api/usage</c>: model tokens and cost, grouped and totalled.</summary>
internal static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", QueryAsync)
            .RequireAuthorization(AuthPolicies.Read)
            .WithTags("Governance")
            .WithName("GetUsage")
            .WithSummary("Token and cost totals grouped by workflow (default), agent, user, model, instance or day, "
                + "for usage at or after from and before to (ISO 8601, UTC unless an offset is given); with interval=hour or day, "
                + "totals per time bucket (item field bucket, its UTC start), ordered by bucket then key.")
            .Produces<UsageResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> QueryAsync(
        HttpRequest request,
        IUsageStore usage,
        CancellationToken cancellationToken,
        string? groupBy = null,
        string? from = null,
        string? to = null,
        string? interval = null)
    {
        var (query, error) = UsageQueryParser.CheckNoRepeats(request.Query) is { } repeated
            ? (null, repeated)
            : UsageQueryParser.Parse(groupBy, from, to, interval);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var groups = await usage.QueryUsageAsync(query, cancellationToken);
        return TypedResults.Ok(UsageMapper.ToResponse(query, groups));
    }
}
