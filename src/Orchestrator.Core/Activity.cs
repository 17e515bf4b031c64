namespace Orchestrator.Core;

/// <summary>
/// A unit of work with side effects (I/O, model calls, tools), called from a workflow.
/// Runs at least once: after a crash it may run again with the same <see cref="ActivityContext.IdempotencyKey"/>,
/// which the activity should pass on to anything that must not happen twice.
/// </summary>
/// <typeparam name="TInput">The input type (JSON-serializable).</typeparam>
/// <typeparam name="TOutput">The output type (JSON-serializable).</typeparam>
/// <remarks>Name an activity with <see cref="ActivityAttribute"/>; without it the class name is used.
/// Activities are created through dependency injection for every call.</remarks>
public abstract class Activity<TInput, TOutput>
{
    /// <summary>The activity's body.</summary>
    /// <param name="context">Who is calling, which attempt this is, and cancellation.</param>
    /// <param name="input">The input given by the workflow.</param>
    /// <returns>The result returned to the workflow.</returns>
    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);
}
