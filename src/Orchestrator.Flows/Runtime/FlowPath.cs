namespace Orchestrator.Flows.Runtime;

/// <summary>
/// One token moving through the flowchart (a branch of a fork, or the main line). Paths run concurrently on the
/// workflow's single scheduler; a path cancelled by a join or a Finish stops at its next step.
/// </summary>
internal sealed class FlowPath(string current) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The node the path is at (running, or about to run).</summary>
    public string Current { get; set; } = current;

    public bool Abandoned { get; private set; }

    /// <summary>The person's task the path waits for (<c>approval:&lt;taskId&gt;</c>), while it waits.</summary>
    public string? WaitingFor { get; set; }

    /// <summary>Cancels the path's durable timers.</summary>
    public CancellationToken Token => _cancel.Token;

    public void Abandon()
    {
        if (Abandoned)
        {
            return;
        }

        Abandoned = true;
#pragma warning disable CA1849 // Cancelling must run its callbacks on the workflow thread, now.
        _cancel.Cancel();
#pragma warning restore CA1849
    }

    public void Dispose() => _cancel.Dispose();
}
