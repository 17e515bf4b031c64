namespace Orchestrator.Server.Endpoints;

/// <summary>A checked decision, ready for <c>IHumanTaskService.DecideAsync</c>.</summary>
/// <param name="Approve">True to approve, false to reject.</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="EditsJson">Edits to the proposed action, as a JSON object's text.</param>
internal sealed record DecisionInput(bool Approve, string? Comment, string? EditsJson);
