using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Audit;

/// <summary>The audit action, target and outcome of an API call, from its method, route and status code.</summary>
internal static class AuditCallActions
{
    private static readonly Dictionary<(string Method, string Route), string> Actions = new()
    {
        [("POST", "/api/instances")] = AuditActions.InstanceStart,
        [("POST", "/api/instances/{id}/suspend")] = AuditActions.InstanceSuspend,
        [("POST", "/api/instances/{id}/resume")] = AuditActions.InstanceResume,
        [("POST", "/api/instances/{id}/terminate")] = AuditActions.InstanceTerminate,
        [("POST", "/api/instances/{id}/restart")] = AuditActions.InstanceRestart,
        [("POST", "/api/instances/{id}/events/{name}")] = AuditActions.InstanceEvent,
        [("DELETE", "/api/instances/{id}")] = AuditActions.InstancePurge,
        [("POST", "/api/definitions")] = AuditActions.DefinitionSave,
        [("POST", "/api/definitions/validate")] = AuditActions.DefinitionValidate,
        [("POST", "/api/definitions/import")] = AuditActions.DefinitionImport,
        [("POST", "/api/definitions/{definitionId}/publish")] = AuditActions.DefinitionPublish,
        [("POST", "/api/session")] = AuditActions.SessionSignIn,
        [("DELETE", "/api/session")] = AuditActions.SessionSignOut,
    };

    /// <summary>Recorded paths, targets and instance ids are cut to this many characters, so no call writes a large record.</summary>
    public const int MaxRecordedLength = 256;

    /// <summary>Whether a call with this method changes state (and is recorded).</summary>
    public static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The action of a route (its pattern as mapped), or <c>http.&lt;METHOD&gt;</c>.</summary>
    public static string Action(string method, string? route) =>
        route is not null && Actions.TryGetValue((method.ToUpperInvariant(), route), out var action) ? action : "http." + method.ToUpperInvariant();

    /// <summary>The target named by the route values: an approval's task id, a definition id, else an instance id; null when none.</summary>
    public static string? Target(RouteValueDictionary values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue("taskId", out var taskId) && taskId is string task ? "approval:" + task
            : values.TryGetValue("definitionId", out var definitionId) && definitionId is string definition ? "definition:" + definition
            : values.TryGetValue("id", out var id) && id is string instance ? "instance:" + instance
            : null;
    }

    /// <summary>Whether the status refuses the caller (401, 403, 429): such calls are recorded whatever their method.</summary>
    public static bool IsRefusal(int status) =>
        status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests;

    /// <summary><paramref name="text"/> cut to <see cref="MaxRecordedLength"/> characters, the cut marked with an ellipsis.</summary>
    public static string? Bounded(string? text) =>
        text is { Length: > MaxRecordedLength } ? string.Concat(text.AsSpan(0, MaxRecordedLength - 1), "\u2026") : text;

    /// <summary>The outcome of a status code.</summary>
    public static string Outcome(int status) => status switch
    {
        < 400 => AuditOutcomes.Ok,
        StatusCodes.Status401Unauthorized or StatusCodes.Status429TooManyRequests => AuditOutcomes.Denied,
        StatusCodes.Status403Forbidden => AuditOutcomes.Forbidden,
        StatusCodes.Status409Conflict => AuditOutcomes.Conflict,
        < 500 => AuditOutcomes.Invalid,
        _ => AuditOutcomes.Failed,
    };
}
