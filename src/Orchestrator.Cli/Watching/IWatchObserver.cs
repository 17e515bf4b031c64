using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli.Watching;

/// <summary>Receives what happens to a watched instance, as it happens.</summary>
internal interface IWatchObserver
{
    /// <summary>The instance's status or custom status changed (the first call is the current snapshot).</summary>
    void OnStatus(StatusChange change);

    /// <summary>A step was scheduled, started or finished.</summary>
    void OnStep(HistoryStep step);

    /// <summary>The server replaced the history (restart, continue-as-new): the steps seen so far no longer apply.</summary>
    void OnHistoryReset();

    /// <summary>The event stream is gone; from now on the watcher polls and only status changes are reported.</summary>
    void OnFallbackToPolling(string reason, TimeSpan interval);
}
