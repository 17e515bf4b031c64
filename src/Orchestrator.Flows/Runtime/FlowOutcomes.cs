namespace Orchestrator.Flows.Runtime;

/// <summary>Outcome (port) names the interpreter itself produces.</summary>
internal static class FlowOutcomes
{
    public const string Done = "Done";
    public const string Failed = "Failed";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
    public const string Denied = "Denied";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string TimedOut = "TimedOut";
    public const string UnmatchedStatusCode = "Unmatched status code";
}
