namespace Orchestrator.Flows.Runtime;

/// <summary>The tokens a join has collected since it last let one through.</summary>
internal sealed class JoinState
{
    /// <summary>The nodes whose tokens have arrived (one per inbound source).</summary>
    public HashSet<string> Arrived { get; } = new(StringComparer.Ordinal);

    /// <summary>For WaitAny: the join fired, and later tokens of the same activation are dropped.</summary>
    public bool Fired { get; set; }

    public void Reset()
    {
        Arrived.Clear();
        Fired = false;
    }
}
