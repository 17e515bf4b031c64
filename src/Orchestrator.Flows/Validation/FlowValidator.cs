using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>
/// Checks a flow before it is published and while it is drawn: every problem, each with its node id, a code
/// (<see cref="FlowProblemCodes"/>) and a sentence that says what to change. A flow with no problems can be published.
/// </summary>
/// <remarks>
/// The rules: the root is a flowchart with a starting point; node ids are unique; every activity type can run;
/// connections join existing nodes from outcomes their source has; every node is reachable from the start (also through
/// loops); every join has a fork before it; required inputs are set and fixed values have the right form; JavaScript and
/// Liquid parse, Object values are JSON, and referenced variables and inputs are declared; outputs are bound to declared
/// variables; named tools, agents and workflows exist (when the context lists them); <c>customProperties.retry</c> and
/// <c>timeout</c> are well formed. The work is linear in the size of the flow; scripts are parsed as Jint prepares them (strict mode), and the Liquid parser is shared.
/// </remarks>
public static class FlowValidator
{
    /// <summary>Every problem of the flow: the document's own first, then each node's in document order; empty when it can be published.</summary>
    /// <param name="doc">The flow.</param>
    /// <param name="context">Tools, agents and workflows to check against; null checks the flow on its own.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<FlowProblem> Validate(FlowDocument doc, FlowValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var run = new ValidationRun(doc, context ?? new FlowValidationContext());
        GraphRules.Check(run);
        foreach (var activity in doc.Root.Activities)
        {
            ActivityRules.Check(run, activity);
            if (FlowActivityTypes.Runnable.Contains(activity.Type))
            {
                ExpressionRules.Check(run, activity);
            }

            CustomPropertyRules.Check(run, activity);
        }

        return run.Problems();
    }
}
