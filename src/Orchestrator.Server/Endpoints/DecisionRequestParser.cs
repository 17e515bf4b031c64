using System.Text.Json;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Endpoints;

/// <summary>Checks the body of <c>POST /api/approvals/{taskId}/decision</c>.</summary>
internal static class DecisionRequestParser
{
    public const int MaxCommentLength = 4000;
    public const string Approve = "approve";
    public const string Reject = "reject";

    private const string Shape = "{ \"decision\": \"approve\" | \"reject\", \"comment\"?: text, \"edits\"?: object }";

    /// <summary>The decision, or a sentence saying what to fix.</summary>
    public static (DecisionInput? Decision, string? Error) Parse(DecisionRequest? body)
    {
        if (body is null)
        {
            return (null, $"The body must be a JSON object: {Shape}.");
        }

        if (body.UnknownFields is { Count: > 0 } unknown)
        {
            return (null, $"The field \"{unknown.Keys.First()}\" is not known. Body shape: {Shape}.");
        }

        bool approve;
        switch (body.Decision)
        {
            case Approve:
                approve = true;
                break;
            case Reject:
                approve = false;
                break;
            case null:
                return (null, $"The field \"decision\" is required: \"{Approve}\" or \"{Reject}\". Body shape: {Shape}.");
            default:
                return (null, $"The decision '{body.Decision}' is not known; use \"{Approve}\" or \"{Reject}\".");
        }

        if (body.Comment is { Length: > MaxCommentLength } comment)
        {
            return (null, $"The comment has {comment.Length} characters; at most {MaxCommentLength} are accepted.");
        }

        if (body.Edits is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } edits)
        {
            return (null, $"The field \"edits\" must be a JSON object of changes to the proposed action, not {edits.ValueKind.ToString().ToLowerInvariant()}.");
        }

        return (new DecisionInput(approve, body.Comment, JsonText.ToText(body.Edits)), null);
    }
}
