namespace Orchestrator.Flows.Model;

/// <summary>The activity types this runtime runs (docs/flows.md), by their names in the format.</summary>
public static class FlowActivityTypes
{
    /// <summary>The root container: activities joined by connections.</summary>
    public const string Flowchart = "Elsa.Flowchart";

    /// <summary>Where the flow starts (a milestone with one outcome, <c>Done</c>).</summary>
    public const string Start = "Elsa.Start";

    /// <summary>Ends its path; the flow completes when no path is left.</summary>
    public const string End = "Elsa.End";

    /// <summary>Finishes the whole flow at once, cancelling the other paths.</summary>
    public const string Finish = "Elsa.Finish";

    /// <summary>Writes <c>text</c> to the instance's log.</summary>
    public const string WriteLine = "Elsa.WriteLine";

    /// <summary>Sets <c>variable</c> (a raw variable object) to <c>value</c>.</summary>
    public const string SetVariable = "Elsa.SetVariable";

    /// <summary>Sets the flow output <c>outputName</c> to <c>outputValue</c>.</summary>
    public const string SetOutput = "Elsa.SetOutput";

    /// <summary>Follows <c>True</c> or <c>False</c> by its <c>condition</c>.</summary>
    public const string FlowDecision = "Elsa.FlowDecision";

    /// <summary>Follows the outcome of each matching case label (<c>cases</c>, <c>mode</c>), else <c>Default</c>.</summary>
    public const string FlowSwitch = "Elsa.FlowSwitch";

    /// <summary>Starts one path per name in <c>branches</c>.</summary>
    public const string FlowFork = "Elsa.FlowFork";

    /// <summary>Waits for the paths that reach it (<c>mode</c>: <c>WaitAny</c>, <c>WaitAll</c>, <c>WaitAllActive</c>).</summary>
    public const string FlowJoin = "Elsa.FlowJoin";

    /// <summary>Waits for <c>timeSpan</c> (a durable timer).</summary>
    public const string Delay = "Elsa.Delay";

    /// <summary>Waits for the external event named <c>eventName</c>; its payload is the output.</summary>
    public const string Event = "Elsa.Event";

    /// <summary>A human task (<c>taskName</c>, <c>payload</c>) in the inbox; its result is the output.</summary>
    public const string RunTask = "Elsa.RunTask";

    /// <summary>Sends an HTTP request (<c>url</c>, <c>method</c>, …); outcomes per expected status code.</summary>
    public const string FlowSendHttpRequest = "Elsa.FlowSendHttpRequest";

    /// <summary>Runs another workflow (<c>workflowDefinitionId</c>) as a sub-workflow.</summary>
    public const string ExecuteWorkflow = "Elsa.ExecuteWorkflow";

    /// <summary>Fails the flow with <c>message</c> (and <c>code</c>).</summary>
    public const string Fault = "Elsa.Fault";

    /// <summary>Runs an agent (registered <c>agent</c> or inline <c>instructions</c>) on a <c>prompt</c>; outcomes <c>Done</c>, <c>Failed</c>.</summary>
    public const string Agent = "Orchestrator.Agent";

    /// <summary>One model call (<c>model</c>, <c>system</c>, <c>prompt</c>); outcome <c>Done</c>.</summary>
    public const string Model = "Orchestrator.Model";

    /// <summary>Calls a registered <c>tool</c> with <c>arguments</c>; outcomes <c>Done</c>, <c>Denied</c>, <c>Failed</c>.</summary>
    public const string Tool = "Orchestrator.Tool";

    /// <summary>Asks a person to approve (<c>title</c>, <c>assignTo</c>, …); outcomes <c>Approved</c>, <c>Rejected</c>, <c>TimedOut</c>.</summary>
    public const string Approval = "Orchestrator.Approval";

    /// <summary>Runs a code or designer <c>workflow</c> and waits for its result; outcomes <c>Done</c>, <c>Failed</c>.</summary>
    public const string SubWorkflow = "Orchestrator.SubWorkflow";

    /// <summary>Every type that runs; a flow with any other type can be stored but not published.</summary>
    public static IReadOnlySet<string> Runnable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Start, End, Finish, WriteLine, SetVariable, SetOutput, FlowDecision, FlowSwitch, FlowFork, FlowJoin, Delay, Event,
        RunTask, FlowSendHttpRequest, ExecuteWorkflow, Fault, Agent, Model, Tool, Approval, SubWorkflow,
    };

    /// <summary>Whether nodes of a type only compute (variables, decisions, texts, forks and joins): they neither wait nor call out.</summary>
    internal static bool Computes(string type) =>
        type is Start or End or Finish or WriteLine or SetVariable or SetOutput or FlowDecision or FlowSwitch or FlowFork or FlowJoin or Fault;
}
