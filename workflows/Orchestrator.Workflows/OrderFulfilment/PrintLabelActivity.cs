using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Prints the shipping label at the warehouse and returns the label id. Simulated: the label id is derived from the
/// idempotency key, so the print queue can drop a duplicate job after a retry.
/// </summary>
[Activity(Name)]
public sealed class PrintLabelActivity : Activity<PrintLabelRequest, string>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.print-label";

    public override Task<string> RunAsync(ActivityContext context, PrintLabelRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult($"LBL-{input.Warehouse}-{context.IdempotencyKey}");
    }
}
