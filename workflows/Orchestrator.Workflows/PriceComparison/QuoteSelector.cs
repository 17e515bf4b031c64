namespace Orchestrator.Workflows.PriceComparison;

/// <summary>The buying rules of <see cref="QuoteComparisonWorkflow"/>, kept pure so they can be tested without an engine.</summary>
internal static class QuoteSelector
{
    /// <summary>
    /// The cheapest offer for the whole quantity wins; on a tie the sooner delivery, then the supplier name, so the
    /// choice never depends on the order in which answers arrived.
    /// </summary>
    /// <param name="quotes">The quotes received.</param>
    /// <returns>The best quote, or null when there is none.</returns>
    public static QuoteResult? PickBest(IEnumerable<QuoteResult> quotes) =>
        quotes
            .OrderBy(quote => quote.TotalPrice)
            .ThenBy(quote => quote.LeadTimeDays)
            .ThenBy(quote => quote.Supplier, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>One sentence for the buyer: who won, and how many suppliers answered, failed or were too late.</summary>
    /// <param name="outcomes">Every supplier asked.</param>
    /// <param name="best">The winning quote, or null.</param>
    /// <returns>The summary.</returns>
    public static string Summarize(IReadOnlyCollection<SupplierOutcome> outcomes, QuoteResult? best)
    {
        var quoted = outcomes.Count(outcome => outcome.Response == SupplierResponse.Quoted);
        var failed = outcomes.Count(outcome => outcome.Response == SupplierResponse.Failed);
        var late = outcomes.Count(outcome => outcome.Response == SupplierResponse.MissedDeadline);
        var tally = $"{quoted} of {outcomes.Count} suppliers quoted, {failed} failed, {late} missed the deadline.";
        return best is null
            ? $"No quote to accept: {tally}"
            : $"Best offer: {best.Supplier} at {best.TotalPrice:0.00} in total ({best.UnitPrice:0.00} per unit, "
                + $"delivery in {best.LeadTimeDays} days); {tally}";
    }
}
