namespace Orchestrator.Flows.Definitions;

/// <summary>Settings of designer flows (bound from <c>Orchestrator:Flows</c> by the server).</summary>
public sealed class FlowOptions
{
    /// <summary>
    /// Flow files published at start: each entry a <c>.json</c> file or a folder of them. A file is published when no
    /// published version of its definition has the same content, so restarts publish nothing new and an analyst's later
    /// version is not overwritten by an unchanged file.
    /// </summary>
    public IList<string> Paths { get; } = [];
}
