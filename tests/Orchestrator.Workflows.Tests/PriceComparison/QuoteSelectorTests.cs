using Orchestrator.Workflows.PriceComparison;

namespace Orchestrator.Workflows.Tests.PriceComparison;

public class QuoteSelectorTests
{
    [Fact]
    public void PickBest_DifferentTotals_LowestTotalWins()
    {
        var best = QuoteSelector.PickBest([
            new QuoteResult("acme", 10m, 100m, 2),
            new QuoteResult("globex", 9m, 90m, 9),
            new QuoteResult("initech", 11m, 110m, 1),
        ]);

        best!.Supplier.Should().Be("globex");
    }

    [Fact]
    public void PickBest_EqualTotals_SoonerDeliveryThenNameDecide()
    {
        var quotes = new[]
        {
            new QuoteResult("zeta", 10m, 100m, 3),
            new QuoteResult("beta", 10m, 100m, 5),
            new QuoteResult("alpha", 10m, 100m, 3),
        };

        QuoteSelector.PickBest(quotes)!.Supplier.Should().Be("alpha");
        QuoteSelector.PickBest(quotes.Reverse())!.Supplier.Should().Be("alpha", "the order answers arrive in must not matter");
    }

    [Fact]
    public void PickBest_NoQuotes_ReturnsNull()
    {
        QuoteSelector.PickBest([]).Should().BeNull();
    }

    [Fact]
    public void Summarize_WithWinner_NamesItAndCountsEveryResponse()
    {
        var acme = new QuoteResult("acme", 10.5m, 105m, 4);
        SupplierOutcome[] outcomes =
        [
            new("acme", SupplierResponse.Quoted, acme),
            new("closed-initech", SupplierResponse.Failed, Error: "no longer trades with us"),
            new("busy-umbrella", SupplierResponse.MissedDeadline),
        ];

        QuoteSelector.Summarize(outcomes, acme).Should().Be(
            "Best offer: acme at 105.00 in total (10.50 per unit, delivery in 4 days); "
            + "1 of 3 suppliers quoted, 1 failed, 1 missed the deadline.");
    }

    [Fact]
    public void Summarize_NoWinner_SaysThereIsNothingToAccept()
    {
        SupplierOutcome[] outcomes = [new("busy-umbrella", SupplierResponse.MissedDeadline)];

        QuoteSelector.Summarize(outcomes, best: null).Should().StartWith("No quote to accept: 0 of 1 suppliers quoted");
    }
}
