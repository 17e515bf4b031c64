namespace Orchestrator.Flows.Model;

/// <summary>The activity types this runtime runs (FLOWS.md), by their names in the format.</summary>
public static class FlowActivityTypes
{
#pragma warning disable CS1591 // The names document themselves; FLOWS.md describes each.
    public const string Flowchart = "Elsa.Flowchart";
    public const string Start = "Elsa.Start";
    public const string End = "Elsa.End";
    public const string Finish = "Elsa.Finish";
    public const string WriteLine = "Elsa.WriteLine";
    public const string SetVariable = "Elsa.SetVariable";
    public const string SetOutput = "Elsa.SetOutput";
    public const string FlowDecision = "Elsa.FlowDecision";
    public const string FlowSwitch = "Elsa.FlowSwitch";
    public const string FlowFork = "Elsa.FlowFork";
    public const string FlowJoin = "Elsa.FlowJoin";
    public const string Delay = "Elsa.Delay";
    public const string Event = "Elsa.Event";
    public const string RunTask = "Elsa.RunTask";
    public const string FlowSendHttpRequest = "Elsa.FlowSendHttpRequest";
    public const string ExecuteWorkflow = "Elsa.ExecuteWorkflow";
    public const string Fault = "Elsa.Fault";
    public const string Agent = "Orchestrator.Agent";
    public const string Model = "Orchestrator.Model";
    public const string Tool = "Orchestrator.Tool";
    public const string Approval = "Orchestrator.Approval";
    public const string SubWorkflow = "Orchestrator.SubWorkflow";
#pragma warning restore CS1591

    /// <summary>Every type that runs; a flow with any other type can be stored but not published.</summary>
    public static IReadOnlySet<string> Runnable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Start, End, Finish, WriteLine, SetVariable, SetOutput, FlowDecision, FlowSwitch, FlowFork, FlowJoin, Delay, Event,
        RunTask, FlowSendHttpRequest, ExecuteWorkflow, Fault, Agent, Model, Tool, Approval, SubWorkflow,
    };
}
