namespace Orchestrator.Flows.Runtime;

/// <summary>The <c>mode</c> values of <c>Elsa.FlowJoin</c>.</summary>
internal static class FlowJoinModes
{
    public const string WaitAny = "WaitAny";
    public const string WaitAll = "WaitAll";
    public const string WaitAllActive = "WaitAllActive";
}
