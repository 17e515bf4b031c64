namespace Orchestrator.Server.Problems;

/// <summary>Creates RFC 7807 problem results; type and title are filled in from the status by <see cref="ProblemDefaults"/>.</summary>
internal static class ApiProblems
{
    public static IResult Create(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, detail);

    public static IResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, detail);

    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);

    public static IResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, detail);

    public static IResult InstanceNotFound(string instanceId) =>
        NotFound($"No instance has the id '{instanceId}'; list instances with GET /api/instances.");

    public static IResult ApprovalNotFound(string taskId) =>
        NotFound($"No approval has the task id '{taskId}'; list the ones you may decide with GET /api/approvals.");
}
