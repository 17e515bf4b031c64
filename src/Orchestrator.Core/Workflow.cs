namespace Orchestrator.Core;

/// <summary>
/// A durable workflow: code whose every <c>await</c> on the <see cref="WorkflowContext"/> is checkpointed,
/// so it survives restarts and crashes and resumes where it stopped.
/// </summary>
/// <typeparam name="TInput">The input type (JSON-serializable).</typeparam>
/// <typeparam name="TOutput">The output type (JSON-serializable).</typeparam>
/// <remarks>
/// <para>
/// After a restart the engine rebuilds an instance by running <see cref="RunAsync"/> again from the start and
/// feeding it the results recorded in history (replay). Replay only works if the code makes the same decisions
/// in the same order every time, so workflow code must be <b>deterministic</b>:
/// </para>
/// <list type="bullet">
/// <item>No <c>DateTime.Now</c>/<c>UtcNow</c>, <c>DateTimeOffset.Now</c> or <c>Stopwatch</c>: use <see cref="WorkflowContext.CurrentUtcDateTime"/>.</item>
/// <item>No <c>Guid.NewGuid()</c> or <c>Random</c>: use <see cref="WorkflowContext.NewGuid"/>.</item>
/// <item>No <c>Task.Delay</c>, <c>Thread.Sleep</c> or timers: use <see cref="WorkflowContext.CreateTimerAsync(TimeSpan, CancellationToken)"/>.</item>
/// <item>No <c>Task.Run</c>, threads, <c>Parallel</c> or <c>ConfigureAwait(false)</c>: fan out with activities and <c>Task.WhenAll</c>.</item>
/// <item>No I/O (<c>HttpClient</c>, files, sockets, databases) and no environment reads: do them in an activity.</item>
/// <item>Only await tasks that come from the context (or combinations of them with <c>Task.WhenAll</c>/<c>WhenAny</c>).</item>
/// </list>
/// <para>
/// The <c>Orchestrator.Analyzers</c> package, shipped with this library, reports these at build time (ORCH001–ORCH007).
/// To change a running workflow's code safely, guard the new path with <see cref="WorkflowContext.IsPatched"/>.
/// </para>
/// <para>Name a workflow with <see cref="WorkflowAttribute"/>; without it the class name is used.</para>
/// </remarks>
public abstract class Workflow<TInput, TOutput>
{
    /// <summary>The workflow's body.</summary>
    /// <param name="ctx">The durable context: the only source of time, randomness, I/O and waiting.</param>
    /// <param name="input">The instance's input.</param>
    /// <returns>The instance's output.</returns>
    public abstract Task<TOutput> RunAsync(WorkflowContext ctx, TInput input);
}
