namespace Orchestrator.Server.Steps;

/// <summary>The kinds of steps, as they appear in the API.</summary>
internal static class StepKinds
{
    public const string Workflow = "workflow";
    public const string Activity = "activity";
    public const string Timer = "timer";
    public const string SubWorkflow = "subWorkflow";
    public const string Event = "event";

    /// <summary>A wait for an external event (an approval's decision is one), with its deadline when it has one.</summary>
    public const string Wait = "wait";
    public const string EventSent = "eventSent";
    public const string Patch = "patch";
    public const string Marker = "marker";
    public const string Operation = "operation";
}
