using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>An external event arrived for the instance.</summary>
/// <remarks>
/// <see cref="RaisedByEngine"/> is set only on events the engine itself raises, such as an approval's decision, which
/// the approval service commits with the decision. An event with a reserved name (see
/// <see cref="Client.ReservedEvents"/>) that lacks it never reaches the workflow, whichever way it came in.
/// <see cref="By"/> is the user who raised it (for an approval's decision, the person who decided), when one did.
/// </remarks>
public sealed record EventRaised(
    int EventId,
    DateTime Timestamp,
    string Name,
    string? Input,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool RaisedByEngine = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null) : HistoryEvent(EventId, Timestamp);
