using Orchestrator.Core;

namespace Orchestrator.Workflows.PriceComparison;

/// <summary>
/// Asks one supplier for a price. Simulated from the supplier and SKU alone, so the same question always gets the
/// same answer: a supplier named <c>closed-…</c> refuses, one named <c>busy-…</c> rate-limits the first attempt,
/// every other one quotes a stable price with 5% off from 100 units.
/// </summary>
[Activity(Name)]
public sealed class RequestQuoteActivity : Activity<QuoteRequest, QuoteResult>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "quotes.request-quote";

    private const int VolumeDiscountFrom = 100;

    public override Task<QuoteResult> RunAsync(ActivityContext context, QuoteRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        if (input.Supplier.StartsWith("closed-", StringComparison.OrdinalIgnoreCase))
        {
            throw new NonRetriableException($"Supplier '{input.Supplier}' no longer trades with us.");
        }

        if (input.Supplier.StartsWith("busy-", StringComparison.OrdinalIgnoreCase) && context.Attempt == 1)
        {
            throw new SupplierBusyException($"Supplier '{input.Supplier}' rate-limited the request (429 Too Many Requests).");
        }

        var seed = Checksum($"{input.Supplier}/{input.Sku}");
        var listPrice = 5m + (seed % 2000 / 100m);
        var unitPrice = input.Quantity >= VolumeDiscountFrom ? Math.Round(listPrice * 0.95m, 2) : listPrice;
        var leadTimeDays = 1 + (int)(seed % 14);
        return Task.FromResult(new QuoteResult(input.Supplier, unitPrice, unitPrice * input.Quantity, leadTimeDays));
    }

    // FNV-1a: string.GetHashCode differs between processes, and the simulated price list must not.
    private static uint Checksum(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return hash;
    }
}
