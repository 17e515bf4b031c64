using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// Reserves an order in the ledger, books it (which fails while the booking system is closed), lets the booking settle
/// for a few seconds on a durable timer and returns the booking reference. An operator restarts it once the system is
/// open again; the reservation is not made twice.
/// </summary>
[Workflow("it.booking")]
public sealed class BookingWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext ctx, string orderId)
    {
        await ctx.CallActivityAsync<int>("it.ledger-write", new LedgerEntry($"reserve {orderId}", 0));
        var reference = await ctx.CallActivityAsync<string>("it.book-order", orderId);

        // Long enough for an operator's page to show the restarted instance running before it completes.
        await ctx.CreateTimerAsync(TimeSpan.FromSeconds(3));
        return reference;
    }
}
