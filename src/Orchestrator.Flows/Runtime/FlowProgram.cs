using Orchestrator.Core;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>A published flow version made ready to run (graph indexed, expressions parsed) as a durable workflow body.</summary>
public sealed class FlowProgram
{
    private FlowProgram(FlowDocument document) => Document = document;

    /// <summary>The flow this program runs.</summary>
    public FlowDocument Document { get; }

    /// <summary>Prepares a flow; it should have no validation problems.</summary>
    /// <param name="document">The flow.</param>
    /// <returns>The program.</returns>
    public static FlowProgram Compile(FlowDocument document) => new(document);

    /// <summary>Runs the flow as the body of a durable workflow instance.</summary>
    /// <param name="context">The workflow context.</param>
    /// <param name="inputJson">The instance input (a JSON object of the flow's inputs), or null.</param>
    /// <returns>The output as JSON (an object of the values set with <c>Elsa.SetOutput</c>).</returns>
    public Task<string?> RunAsync(WorkflowContext context, string? inputJson) =>
        throw new NotImplementedException();
}
