using Orchestrator.Core.Client;

namespace Orchestrator.Flows.Runtime;

/// <summary>The rule for the event names a flow waits for: not one of the names only the engine raises.</summary>
internal static class EventNames
{
    /// <summary>Why a flow may not wait for <paramref name="eventName"/>, or null when it may.</summary>
    public static string? Reserved(string eventName) =>
        ReservedEvents.IsReserved(eventName)
            ? $"the event name '{eventName}' is reserved: names starting with '{ReservedEvents.ApprovalPrefix}' or '{ReservedEvents.EnginePrefix}' are raised only by "
              + "the engine (an approval's decision, the engine's own signals), so nobody could raise it for this flow, and waiting for it could take a decision meant for an approval."
            : null;
}
