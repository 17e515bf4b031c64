using Orchestrator.Core.Governance;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Problems;

namespace Orchestrator.Server.Endpoints;

/// <summary><c>GET /api/audit</c> and <c>GET /api/audit/verify</c>: the hash-chained audit trail, for administrators.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", QueryAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithTags("Governance")
            .WithName("GetAudit")
            .WithSummary("Audit records, newest first: every state-changing API call and every step (model and tool calls, "
                + "approvals, policy decisions), with their hashes. Filters: instanceId, actor (user:x or agent:y, also matching "
                + "whom an agent acted for), action (step.* for a prefix), q (free text), from and to (ISO 8601), cursor, limit.")
            .Produces<AuditPageResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/audit/verify", VerifyAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithTags("Governance")
            .WithName("VerifyAudit")
            .WithSummary("Checks the whole hash chain: each record's hash against its content and its link to the record before. "
                + "Reports the first record that was changed, removed or moved.")
            .Produces<AuditVerifyResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> QueryAsync(
        HttpRequest request,
        IAuditLog audit,
        CancellationToken cancellationToken,
        string? instanceId = null,
        string? actor = null,
        string? action = null,
        string? q = null,
        string? from = null,
        string? to = null,
        string? cursor = null,
        string? limit = null)
    {
        var (query, error) = AuditQueryParser.CheckNoRepeats(request.Query) is { } repeated
            ? (null, repeated)
            : AuditQueryParser.Parse(instanceId, actor, action, q, from, to, cursor, limit);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return TypedResults.Ok(AuditMapper.ToResponse(await audit.QueryAsync(query, cancellationToken)));
    }

    private static async Task<IResult> VerifyAsync(IAuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(AuditMapper.ToResponse(await audit.VerifyAsync(cancellationToken)));
}
