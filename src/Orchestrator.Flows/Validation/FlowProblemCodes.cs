namespace Orchestrator.Flows.Validation;

/// <summary>The codes of <see cref="FlowProblem"/>: one per validation rule.</summary>
public static class FlowProblemCodes
{
#pragma warning disable CS1591 // Each name says the rule.
    public const string UnknownActivityType = "unknown-activity-type";
    public const string DanglingConnection = "dangling-connection";
    public const string UnreachableNode = "unreachable-node";
    public const string MissingInput = "missing-input";
    public const string InvalidExpression = "invalid-expression";
    public const string JoinWithoutFork = "join-without-fork";
    public const string UnknownTool = "unknown-tool";
    public const string DuplicateId = "duplicate-id";
    public const string NoStart = "no-start";
    public const string UnknownVariable = "unknown-variable";
    public const string UnknownPort = "unknown-port";
    public const string InvalidRoot = "invalid-root";
#pragma warning restore CS1591
}
