using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>POST /api/approvals/{taskId}/decision</c>; null members are left out of the JSON.</summary>
internal sealed record DecisionRequest(string Decision, string? Comment, JsonElement? Edits)
{
    public const string Approve = "approve";
    public const string Reject = "reject";
}
