namespace Orchestrator.Core.Client;

/// <summary>
/// Event names the engine raises itself. A person's decision reaches the waiting instance as <c>approval:&lt;taskId&gt;</c>,
/// raised only by the approval service in the same transaction as the decision; names under <c>orchestrator:</c> are
/// kept for the engine's future use. Neither can be raised from outside (the API, the CLI, another workflow's
/// <c>SendEvent</c>), so nobody can answer for an approver or fake an internal signal.
/// </summary>
public static class ReservedEvents
{
    /// <summary>The prefix of an approval's decision event.</summary>
    public const string ApprovalPrefix = "approval:";

    /// <summary>The prefix kept for other events of the engine.</summary>
    public const string EnginePrefix = "orchestrator:";

    /// <summary>Whether only the engine may raise an event of this name.</summary>
    /// <param name="eventName">The event name.</param>
    /// <returns>True for <c>approval:…</c> and <c>orchestrator:…</c> (any case).</returns>
    public static bool IsReserved(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        var name = eventName.TrimStart();
        return name.StartsWith(ApprovalPrefix, StringComparison.OrdinalIgnoreCase) || name.StartsWith(EnginePrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Null for a name anyone may raise; otherwise a sentence saying why not and what to do instead.</summary>
    /// <param name="eventName">The event name.</param>
    /// <returns>Null, or the reason.</returns>
    public static string? Check(string eventName) =>
        !IsReserved(eventName) ? null
        : eventName.TrimStart().StartsWith(ApprovalPrefix, StringComparison.OrdinalIgnoreCase)
            ? $"The event '{eventName}' is the decision of an approval, which only its assignees can give: use POST /api/approvals/{{taskId}}/decision (or 'orch approve|reject <taskId>')."
            : $"Events named '{EnginePrefix}…' are raised by the engine itself and cannot be raised from outside.";
}
