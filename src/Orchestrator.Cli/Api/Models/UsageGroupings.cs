namespace Orchestrator.Cli.Api.Models;

/// <summary>The <c>groupBy</c> and <c>interval</c> values of <c>GET /api/usage</c>.</summary>
internal static class UsageGroupings
{
    public static IReadOnlyList<string> GroupBy { get; } = ["workflow", "agent", "user", "model", "instance", "day"];

    public static IReadOnlyList<string> Intervals { get; } = ["hour", "day"];
}
