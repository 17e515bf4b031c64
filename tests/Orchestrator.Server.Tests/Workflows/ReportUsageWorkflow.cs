using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Calls <see cref="ReportUsageActivity"/> once per report in its input, one after another, and returns the count.</summary>
[Workflow(Name)]
public sealed class ReportUsageWorkflow : Workflow<UsageReport[], int>
{
    public const string Name = "tests.report-usage";

    public override async Task<int> RunAsync(WorkflowContext ctx, UsageReport[] input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var report in input)
        {
            await ctx.CallActivityAsync<int>(ReportUsageActivity.Name, report);
        }

        return input.Length;
    }
}
