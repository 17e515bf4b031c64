namespace Orchestrator.Workflows.SupportTriage;

/// <summary>A customer's first message, and how long to wait for follow-ups before closing the conversation.</summary>
public sealed record SupportRequest(string Customer, string Message, TimeSpan? FollowUpWindow = null);
