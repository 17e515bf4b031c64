using Orchestrator.Agents.Tools;

namespace Orchestrator.Bench;

/// <summary>A tool that answers at once, so the agent benchmark measures the engine, not the tool.</summary>
public sealed class BenchTools
{
    [Tool("bench.echo", Description = "Returns its input.")]
    public static object Echo(string text) => new { text };
}
