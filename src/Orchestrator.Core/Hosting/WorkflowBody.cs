namespace Orchestrator.Core.Hosting;

/// <summary>A runnable workflow offered by an <see cref="IWorkflowSource"/>: JSON input in, JSON output out.</summary>
/// <param name="Name">The workflow name.</param>
/// <param name="Version">The exact version this body runs; recorded on the instance so it keeps running that version.</param>
/// <param name="Description">What it does.</param>
/// <param name="RunAsync">The body; the determinism rules of <see cref="Workflow{TInput, TOutput}"/> apply.</param>
public sealed record WorkflowBody(string Name, string Version, string? Description, Func<WorkflowContext, string?, Task<string?>> RunAsync)
{
    /// <summary>
    /// Checks an input before an instance is started with it (the input's JSON text, or null for none): null when the
    /// body can run with it, otherwise a sentence naming the field and what it must be. A start with an input it refuses
    /// is answered with that sentence and writes nothing. Null: every input is accepted.
    /// </summary>
    public Func<string?, string?>? CheckInput { get; init; }
}
