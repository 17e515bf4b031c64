using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>The workflow asked to start over with new input; buffered events go along.</summary>
internal sealed record ContinueAsNewRequest(string? Input, IReadOnlyList<EventRaised> CarryOver);
