using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Internal;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class UsageTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_CommitWithUsage_StoresRowsAndAddsToInstanceTotals()
    {
        await CreateAsync("a");
        await CreateAsync("b");

        await WriteAsync(Samples.Commit("a") with { Usage = [Samples.Usage("a", 1, 0.25m), Samples.Usage("a", 2, 0.5m)] });
        await WriteAsync(Samples.Commit("a") with { Usage = [Samples.Usage("a", 3, 0.125m)] });

        CountRows("usage", "a").Should().Be(3);
        (await Store.GetInstanceAsync("a", None))!.Usage.Should().Be(new UsageTotals(3000, 300, 150, 0.875m));
        (await Store.LoadInstanceAsync("a", None))!.Instance.Usage.Should().Be(new UsageTotals(3000, 300, 150, 0.875m));
        (await Store.QueryInstancesAsync(new InstanceQuery(), None)).Items.Select(i => i.Usage).Should()
            .BeEquivalentTo([new UsageTotals(3000, 300, 150, 0.875m), UsageTotals.Zero]);
        (await Store.GetInstanceAsync("b", None))!.Usage.Should().Be(UsageTotals.Zero);
    }

    [Fact]
    public async Task WriteAsync_UsageOfNestedChildren_CountsForTheRootWorkflowAndEveryAncestorsTotal()
    {
        await CreateAsync("r", "support.triage");
        await CreateChildAsync("r:1", "orchestrator.agent", "r");
        await CreateChildAsync("r:1:2", "orchestrator.agent", "r:1");
        await CreateAsync("other", "order");

        await WriteAsync(
            Samples.Commit("r:1:2") with { Usage = [Samples.Usage("r:1:2", 1, 0.25m, agent: "writer", workflow: "orchestrator.agent")] },
            Samples.Commit("r:1") with { Usage = [Samples.Usage("r:1", 1, 0.5m, agent: "triage", workflow: "orchestrator.agent")] },
            Samples.Commit("other") with { Usage = [Samples.Usage("other", 1, 0.125m, agent: null)] });

        (await Store.QueryUsageAsync(new UsageQuery("workflow"), None)).Select(Describe).Should().Equal("support.triage:2:0.75", "order:1:0.125");
        (await Store.QueryUsageAsync(new UsageQuery("agent"), None)).Select(Describe).Should().Equal("triage:1:0.5", "writer:1:0.25", ":1:0.125");
        (await Store.QueryUsageAsync(new UsageQuery("instance"), None)).Select(Describe).Should().Equal("r:1:1:0.5", "r:1:2:1:0.25", "other:1:0.125");
        var root = (await Store.GetInstanceAsync("r", None))!;
        root.Usage.Should().Be(UsageTotals.Zero, "the root's own steps used nothing");
        root.TotalUsage.Should().Be(new UsageTotals(2000, 200, 100, 0.75m));
        var child = (await Store.GetInstanceAsync("r:1", None))!;
        (child.Usage!.CostUsd, child.TotalUsage!.CostUsd).Should().Be((0.5m, 0.75m));
        var grandchild = (await Store.GetInstanceAsync("r:1:2", None))!;
        (grandchild.Usage!.CostUsd, grandchild.TotalUsage!.CostUsd).Should().Be((0.25m, 0.25m));
        (await Store.GetInstanceAsync("other", None))!.TotalUsage.Should().Be(new UsageTotals(1000, 100, 50, 0.125m));
    }

    [Fact]
    public async Task WriteAsync_CommitForMissingInstance_RecordsNoUsage()
    {
        var result = await WriteAsync(Samples.Commit("missing") with { Usage = [Samples.Usage("missing", 1, 1m)] });

        result.Outcome.Should().Be(WriteOutcome.NotFound);
        CountRows("usage").Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_UsageOfAnotherInstance_ThrowsAndRollsBack()
    {
        await CreateAsync("a");

        var act = () => WriteAsync(Samples.Commit("a") with { Usage = [Samples.Usage("a", 1, 1m), Samples.Usage("b", 1, 1m)] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'b'*'a'*");
        CountRows("usage").Should().Be(0);
        (await Store.GetInstanceAsync("a", None))!.Usage.Should().Be(UsageTotals.Zero);
    }

    [Fact]
    public async Task QueryUsageAsync_DecimalCosts_SumExactly()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a") with { Usage = [Samples.Usage("a", 1, 0.1m), Samples.Usage("a", 2, 0.2m)] });
        await WriteAsync(Samples.Commit("a") with { Usage = [Samples.Usage("a", 3, 0.000000001m), Samples.Usage("a", 4, 0.000000002m)] });

        var groups = await Store.QueryUsageAsync(new UsageQuery("instance"), None);

        var cost = groups.Should().ContainSingle().Subject.Totals.CostUsd;
        cost.Should().Be(0.300000003m);
        cost.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0.300000003");
        (await Store.GetInstanceAsync("a", None))!.Usage!.CostUsd.Should().Be(0.300000003m);
    }

    [Theory]
    [InlineData("0.3", 300_000_000L, "0.3")]
    [InlineData("12", 12_000_000_000L, "12")]
    [InlineData("0.0000000375", 38L, "0.000000038")]
    [InlineData("-0.5", -500_000_000L, "-0.5")]
    public void UsageCost_RoundTrip_IsExactToTheNanoDollarWithoutTrailingZeros(string usd, long nanos, string back)
    {
        var value = decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture);

        UsageCost.ToNanos(value).Should().Be(nanos);
        UsageCost.FromNanos(nanos).ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(back);
    }

    [Fact]
    public void UsageCost_BeyondALong_Throws()
    {
        var act = () => UsageCost.ToNanos(10_000_000_000m);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("workflow", new[] { "refund:3:0.7", "order:2:0.3" })]
    [InlineData("agent", new[] { "triage:2:0.5", "support:2:0.3", ":1:0.2" })]
    [InlineData("user", new[] { "alice:3:0.5", "bob:2:0.5" })]
    [InlineData("model", new[] { "gpt-big:2:0.5", "gpt-small:3:0.5" })]
    [InlineData("instance", new[] { "b:3:0.7", "a:2:0.3" })]
    [InlineData("day", new[] { "2025-03-14:3:0.5", "2025-03-15:2:0.5" })]
    [InlineData("MODEL", new[] { "gpt-big:2:0.5", "gpt-small:3:0.5" })]
    public async Task QueryUsageAsync_GroupBy_TotalsEachKeyLargestCostFirstThenByKey(string groupBy, string[] expected)
    {
        await SeedAsync();

        var groups = await Store.QueryUsageAsync(new UsageQuery(groupBy), None);

        groups.Select(Describe).Should().Equal(expected);
    }

    [Fact]
    public async Task QueryUsageAsync_GroupTotals_SumTokensAndCountCalls()
    {
        await SeedAsync();

        var groups = await Store.QueryUsageAsync(new UsageQuery("instance"), None);

        groups.Should().Equal(
            new UsageGroup("b", 3, new UsageTotals(3000, 300, 150, 0.7m)),
            new UsageGroup("a", 2, new UsageTotals(2000, 200, 100, 0.3m)));
    }

    [Fact]
    public async Task QueryUsageAsync_FromAndTo_IncludeFromAndExcludeTo()
    {
        await SeedAsync();
        var day2 = Samples.T0.Date.AddDays(1);

        var fromDay2 = await Store.QueryUsageAsync(new UsageQuery("day", From: day2), None);
        var beforeDay2 = await Store.QueryUsageAsync(new UsageQuery("model", To: day2), None);
        var exactlyOne = await Store.QueryUsageAsync(new UsageQuery("model", Samples.T0.AddHours(1), Samples.T0.AddHours(1).AddTicks(1)), None);

        fromDay2.Select(Describe).Should().Equal("2025-03-15:2:0.5");
        beforeDay2.Select(Describe).Should().Equal("gpt-small:2:0.3", "gpt-big:1:0.2");
        exactlyOne.Select(Describe).Should().Equal("gpt-big:1:0.2");
        (await Store.QueryUsageAsync(new UsageQuery("model", To: Samples.T0), None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("model", "hour", new[]
    {
        "2025-03-14T09:00:00Z gpt-small:2:0.3", "2025-03-14T10:00:00Z gpt-big:1:0.2",
        "2025-03-15T09:00:00Z gpt-big:1:0.3", "2025-03-15T10:00:00Z gpt-small:1:0.2",
    })]
    [InlineData("user", "day", new[]
    {
        "2025-03-14T00:00:00Z alice:2:0.3", "2025-03-14T00:00:00Z bob:1:0.2",
        "2025-03-15T00:00:00Z alice:1:0.2", "2025-03-15T00:00:00Z bob:1:0.3",
    })]
    [InlineData("workflow", "DAY", new[] { "2025-03-14T00:00:00Z order:2:0.3", "2025-03-14T00:00:00Z refund:1:0.2", "2025-03-15T00:00:00Z refund:2:0.5" })]
    public async Task QueryUsageAsync_Interval_TotalsEachBucketAndKeyOrderedByBucketThenKey(string groupBy, string interval, string[] expected)
    {
        await SeedAsync();

        var groups = await Store.QueryUsageAsync(new UsageQuery(groupBy, Interval: interval), None);

        groups.Should().AllSatisfy(g => g.Bucket!.Value.Kind.Should().Be(DateTimeKind.Utc));
        groups.Select(g => FormattableString.Invariant($"{g.Bucket:yyyy-MM-dd'T'HH:mm:ss'Z'} {Describe(g)}")).Should().Equal(expected);
    }

    [Fact]
    public async Task QueryUsageAsync_IntervalWithRange_BucketsOnlyTheRange()
    {
        await SeedAsync();

        var groups = await Store.QueryUsageAsync(new UsageQuery("model", Samples.T0.AddMinutes(30), Samples.T0.AddDays(1), "hour"), None);

        groups.Should().ContainSingle().Which.Should().Be(
            new UsageGroup("gpt-big", 1, new UsageTotals(1000, 100, 50, 0.2m), new DateTime(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task QueryUsageAsync_UnknownInterval_ThrowsListingTheIntervals()
    {
        var act = () => Store.QueryUsageAsync(new UsageQuery("model", Interval: "week"), None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'week'*hour, day*");
    }

    [Fact]
    public async Task QueryUsageAsync_UnknownGrouping_ThrowsListingTheGroupings()
    {
        var act = () => Store.QueryUsageAsync(new UsageQuery("team"), None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'team'*workflow, agent, user, model, instance, day*");
    }

    [Fact]
    public async Task WriteAsync_PurgeInstance_KeepsItsUsageRows()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Completed) with { Usage = [Samples.Usage("a", 1, 0.5m)] });

        (await WriteAsync(new PurgeWrite("a"))).Should().Be(StoreWriteResult.Ok);

        CountRows("usage", "a").Should().Be(1);
        (await Store.QueryUsageAsync(new UsageQuery("instance"), None)).Select(Describe).Should().Equal("a:1:0.5");
    }

    /// <summary>
    /// Instance a (order): two calls on day 1; instance b (refund): one call on day 1 and two on day 2, one of them
    /// without an agent. Users, models and days tie on cost, so their order shows the key order.
    /// </summary>
    private async Task SeedAsync()
    {
        await CreateAsync("a");
        await CreateAsync("b", "refund");
        var day2 = Samples.T0.AddDays(1);
        await WriteAsync(
            Samples.Commit("a") with
            {
                Usage =
                [
                    Samples.Usage("a", 1, 0.1m, "gpt-small", "support", "alice", Samples.T0),
                    Samples.Usage("a", 2, 0.2m, "gpt-small", "support", "bob", Samples.T0.AddMinutes(1)),
                ],
            },
            Samples.Commit("b") with
            {
                Usage =
                [
                    Samples.Usage("b", 1, 0.2m, "gpt-big", "triage", "alice", Samples.T0.AddHours(1), "refund"),
                    Samples.Usage("b", 2, 0.3m, "gpt-big", "triage", "bob", day2, "refund"),
                    Samples.Usage("b", 3, 0.2m, "gpt-small", null, "alice", day2.AddHours(1), "refund"),
                ],
            });
    }

    private async Task CreateChildAsync(string id, string name, string parent) =>
        (await WriteAsync(new CreateInstanceWrite(Samples.Instance(id, name, parent: new ParentInstanceInfo(parent, 1, "parent")))))
            .Outcome.Should().Be(WriteOutcome.Done);

    private static string Describe(UsageGroup group) =>
        FormattableString.Invariant($"{group.Key}:{group.Calls}:{group.Totals.CostUsd}");
}
