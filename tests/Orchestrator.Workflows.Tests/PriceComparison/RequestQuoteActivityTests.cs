using Orchestrator.Core;
using Orchestrator.Workflows.PriceComparison;

namespace Orchestrator.Workflows.Tests.PriceComparison;

public class RequestQuoteActivityTests
{
    private readonly RequestQuoteActivity _activity = new();

    [Fact]
    public async Task RunAsync_SameQuestion_SameQuote()
    {
        var first = await _activity.RunAsync(Context(attempt: 1), new QuoteRequest("acme", "BOLT-M8", 10));
        var again = await _activity.RunAsync(Context(attempt: 1), new QuoteRequest("acme", "BOLT-M8", 10));

        again.Should().Be(first);
        first.TotalPrice.Should().Be(first.UnitPrice * 10);
    }

    [Fact]
    public async Task RunAsync_HundredOrMoreUnits_FivePercentOff()
    {
        var few = await _activity.RunAsync(Context(attempt: 1), new QuoteRequest("acme", "BOLT-M8", 99));
        var many = await _activity.RunAsync(Context(attempt: 1), new QuoteRequest("acme", "BOLT-M8", 100));

        many.UnitPrice.Should().Be(Math.Round(few.UnitPrice * 0.95m, 2));
    }

    [Fact]
    public async Task RunAsync_ClosedSupplier_FailsWithoutRetry()
    {
        var ask = () => _activity.RunAsync(Context(attempt: 1), new QuoteRequest("closed-initech", "BOLT-M8", 1));

        await ask.Should().ThrowAsync<NonRetriableException>();
    }

    [Fact]
    public async Task RunAsync_BusySupplier_RateLimitsOnlyTheFirstAttempt()
    {
        var request = new QuoteRequest("busy-umbrella", "BOLT-M8", 1);

        await FluentActions.Awaiting(() => _activity.RunAsync(Context(attempt: 1), request)).Should().ThrowAsync<SupplierBusyException>();
        (await _activity.RunAsync(Context(attempt: 2), request)).Supplier.Should().Be("busy-umbrella");
    }

    private static ActivityContext Context(int attempt) =>
        new("quote-1", 0, RequestQuoteActivity.Name, attempt, StartedBy: null, CancellationToken.None);
}
