namespace Orchestrator.Core.Governance;

/// <summary>Notifies in-process watchers when human tasks are created, decided, resolved by a timeout, or escalated.</summary>
public interface IHumanTaskChanges
{
    /// <summary>Starts a feed of every change committed from now on.</summary>
    /// <returns>The subscription; dispose it to stop.</returns>
    HumanTaskSubscription Subscribe();
}
