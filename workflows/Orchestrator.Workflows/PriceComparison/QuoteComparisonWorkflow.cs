using Microsoft.Extensions.Logging;
using Orchestrator.Core;

namespace Orchestrator.Workflows.PriceComparison;

/// <summary>
/// Asks every supplier for a price at the same time, waits until all have answered or the response window closes,
/// and recommends the best offer. A supplier that fails or answers late is recorded and left out; it never holds up
/// or fails the comparison.
/// </summary>
[Workflow(Name, Description = "Asks suppliers for quotes in parallel and picks the best offer received in time.")]
public sealed class QuoteComparisonWorkflow : Workflow<QuoteComparisonRequest, QuoteComparisonResult>
{
    /// <summary>The name clients start it by.</summary>
    public const string Name = "quotes.compare";

    // Suppliers' APIs rate-limit and time out now and then; two more tries are worth it while the window is open.
    private static readonly RetryPolicy QuoteRetry = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromSeconds(20),
    };

    public override async Task<QuoteComparisonResult> RunAsync(WorkflowContext ctx, QuoteComparisonRequest input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (input is null)
        {
            throw new ArgumentException("A quote request is required as input.");
        }

        input.Validate();

        // The deadline is a durable timer: it holds across restarts, and is recorded, so replay sees the same one.
        var closesAt = ctx.CurrentUtcDateTime + input.Window;
        ctx.SetCustomStatus(new { stage = "collecting-quotes", suppliers = input.Suppliers.Count, closesAt });
        using var deadlineCancellation = new CancellationTokenSource();
        var deadline = ctx.CreateTimerAsync(closesAt, deadlineCancellation.Token);

        var answers = new Task<SupplierOutcome>[input.Suppliers.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = AskSupplierAsync(ctx, input, input.Suppliers[i]);
        }

        var everyoneAnswered = Task.WhenAll(answers);
        if (await Task.WhenAny(everyoneAnswered, deadline) == everyoneAnswered)
        {
            // Nothing left to wait for: cancel the timer so the instance completes now, not at the deadline.
            deadlineCancellation.Cancel();
        }

        // Late answers still arrive, but the instance has completed by then and the engine drops them.
        var outcomes = new List<SupplierOutcome>(answers.Length);
        for (var i = 0; i < answers.Length; i++)
        {
            outcomes.Add(answers[i].IsCompleted
                ? await answers[i]
                : new SupplierOutcome(input.Suppliers[i], SupplierResponse.MissedDeadline));
        }

        var best = QuoteSelector.PickBest(outcomes.Where(o => o.Quote is not null).Select(o => o.Quote!));
        var summary = QuoteSelector.Summarize(outcomes, best);
        ctx.Logger.LogInformation("Quotes for {Quantity} x {Sku}: {Summary}", input.Quantity, input.Sku, summary);
        ctx.SetCustomStatus(new { stage = "compared", bestSupplier = best?.Supplier });
        return new QuoteComparisonResult(input.Sku, input.Quantity, best, outcomes, summary);
    }

    // Each supplier's failure is caught here, on its own task, so one refusal cannot fail the Task.WhenAll above.
    private static async Task<SupplierOutcome> AskSupplierAsync(WorkflowContext ctx, QuoteComparisonRequest input, string supplier)
    {
        try
        {
            var quote = await ctx.CallActivityAsync<QuoteResult>(
                RequestQuoteActivity.Name, new QuoteRequest(supplier, input.Sku, input.Quantity), QuoteRetry);
            return new SupplierOutcome(supplier, SupplierResponse.Quoted, quote);
        }
        catch (WorkflowTaskFailedException ex)
        {
            ctx.Logger.LogWarning("Supplier {Supplier} gave no quote: {Error}", supplier, ex.Failure.ErrorMessage);
            return new SupplierOutcome(supplier, SupplierResponse.Failed, Error: ex.Failure.ErrorMessage);
        }
    }
}
