using System.Text.Json;

namespace Orchestrator.Server.Contracts;

/// <summary>The data of a <c>signal</c> stream event: something transient, such as an activity attempt starting.</summary>
/// <param name="Kind">The signal kind, e.g. <c>activityStarted</c>.</param>
/// <param name="Data">Its data, as JSON.</param>
internal sealed record SignalEvent(string Kind, JsonElement? Data);
