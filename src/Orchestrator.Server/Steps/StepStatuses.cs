namespace Orchestrator.Server.Steps;

/// <summary>The statuses of steps, as they appear in the API (a finished workflow step takes the instance's status).</summary>
internal static class StepStatuses
{
    public const string Scheduled = "Scheduled";
    public const string Running = "Running";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Waiting = "Waiting";
    public const string Fired = "Fired";
    public const string Received = "Received";
    public const string Sent = "Sent";
    public const string Applied = "Applied";
    public const string Recorded = "Recorded";
    public const string ContinuedAsNew = "ContinuedAsNew";

    /// <summary>Ended without result: the instance finished first, or the wait it belonged to was over.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>A wait whose deadline came before its event.</summary>
    public const string TimedOut = "TimedOut";
}
