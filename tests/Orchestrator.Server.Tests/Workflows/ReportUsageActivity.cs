using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Stands in for a model call: reports its input as the step's usage.</summary>
[Activity(Name)]
public sealed class ReportUsageActivity : Activity<UsageReport, int>
{
    public const string Name = "tests.report-usage-step";

    public override Task<int> RunAsync(ActivityContext context, UsageReport input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ReportUsage(input);
        return Task.FromResult(1);
    }
}
