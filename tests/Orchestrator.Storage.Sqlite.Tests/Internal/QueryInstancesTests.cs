using System.Text;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class QueryInstancesTests : StoreTestBase
{
    private readonly List<NewInstance> _all = [];

    public static TheoryData<string, InstanceQuery> Filters => new()
    {
        { "none", new InstanceQuery() },
        { "status", new InstanceQuery { Status = InstanceStatus.Running } },
        { "workflow", new InstanceQuery { Workflow = "refund" } },
        { "tag key", new InstanceQuery { TagKey = "team" } },
        { "tag key and value", new InstanceQuery { TagKey = "team", TagValue = "billing" } },
        { "parent", new InstanceQuery { ParentInstanceId = "p1" } },
        { "all", new InstanceQuery { Status = InstanceStatus.Running, Workflow = "order", TagKey = "team", TagValue = "billing" } },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task QueryInstancesAsync_PagingWithFilter_ReturnsEveryMatchOnceNewestFirst(string filter, InstanceQuery query)
    {
        await SeedAsync(count: 60);
        var expected = _all
            .Where(i => Matches(i, query))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.InstanceId, StringComparer.Ordinal)
            .Select(i => i.InstanceId)
            .ToList();
        expected.Should().NotBeEmpty($"the '{filter}' filter must match some seeded instances");

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await Store.QueryInstancesAsync(query with { Cursor = cursor, Limit = 4 }, None);
            page.Items.Should().HaveCountLessThanOrEqualTo(4);
            seen.AddRange(page.Items.Select(i => i.InstanceId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        seen.Should().Equal(expected);
        pages.Should().Be(Math.Max(1, (expected.Count + 3) / 4));
    }

    [Fact]
    public async Task QueryInstancesAsync_Page_ReturnsFullRecords()
    {
        var tags = new Dictionary<string, string> { ["team"] = "billing" };
        await WriteAsync(new CreateInstanceWrite(Samples.Instance("a", tags: tags, parent: new ParentInstanceInfo("p", 1, "x"))));

        var page = await Store.QueryInstancesAsync(new InstanceQuery(), None);

        page.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(await Store.GetInstanceAsync("a", None), "a page holds the same records as a lookup");
        page.Items[0].Tags.Should().BeEquivalentTo(tags);
        page.NextCursor.Should().BeNull();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(1000, 500)]
    public async Task QueryInstancesAsync_LimitOutOfRange_IsClamped(int limit, int expected)
    {
        await WriteAsync([.. Enumerable.Range(0, 501).Select(i => new CreateInstanceWrite(Samples.Instance($"i{i:D3}")))]);

        var page = await Store.QueryInstancesAsync(new InstanceQuery { Limit = limit }, None);

        page.Items.Should().HaveCount(expected);
        page.NextCursor.Should().NotBeNull();
    }

    [Fact]
    public async Task QueryInstancesAsync_NoMatch_ReturnsEmptyPageWithoutCursor()
    {
        await CreateAsync("a");

        var page = await Store.QueryInstancesAsync(new InstanceQuery { Workflow = "nothing" }, None);

        page.Items.Should().BeEmpty();
        page.NextCursor.Should().BeNull();
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("")]
    [InlineData("bm8tYmFy")] // "no-bar"
    [InlineData("YWJjfGlk")] // "abc|id"
    [InlineData("MTIzfA")] // "123|"
    [InlineData("LTF8aWQ")] // "-1|id"
    public async Task QueryInstancesAsync_MalformedCursor_ThrowsArgumentException(string cursor)
    {
        var act = () => Store.QueryInstancesAsync(new InstanceQuery { Cursor = cursor }, None);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*cursor is malformed*");
    }

    [Fact]
    public async Task QueryInstancesAsync_TagValueWithoutKey_ThrowsArgumentException()
    {
        var act = () => Store.QueryInstancesAsync(new InstanceQuery { TagValue = "billing" }, None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*tag key*");
    }

    [Fact]
    public void InstanceCursor_EncodeThenDecode_RoundTripsIdsWithSeparator()
    {
        var cursor = new Sqlite.Internal.InstanceCursor(638_000_000_000_000_000, "id|with|bars ü");

        Sqlite.Internal.InstanceCursor.Decode(cursor.Encode(), "cursor").Should().Be(cursor);
        Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(cursor.Encode())).Should().Be(cursor.Encode(), "a cursor is URL-safe ASCII");
    }

    private static bool Matches(NewInstance i, InstanceQuery q) =>
        (q.Status is null || StatusOf(i) == q.Status)
        && (q.Workflow is null || i.Name == q.Workflow)
        && (q.ParentInstanceId is null || i.Parent?.InstanceId == q.ParentInstanceId)
        && (q.TagKey is null || (i.Tags is not null && i.Tags.TryGetValue(q.TagKey, out var v) && (q.TagValue is null || v == q.TagValue)));

    private static InstanceStatus StatusOf(NewInstance i) => int.Parse(i.InstanceId[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0
        ? InstanceStatus.Running
        : InstanceStatus.Pending;

    /// <summary>Instances with varied names, tags, parents and statuses; many share a creation time, so ties need the id.</summary>
    private async Task SeedAsync(int count)
    {
        for (var n = 0; n < count; n++)
        {
            var tags = (n % 4) switch
            {
                0 => new Dictionary<string, string> { ["team"] = "billing" },
                1 => new Dictionary<string, string> { ["team"] = "sales", ["prio"] = "high" },
                2 => new Dictionary<string, string> { ["prio"] = "low" },
                _ => null,
            };
            _all.Add(Samples.Instance(
                $"i{n:D2}",
                n % 5 == 0 ? "refund" : "order",
                tags: tags,
                parent: n % 7 == 0 ? new ParentInstanceInfo("p1", n, "parent") : null,
                createdAt: Samples.T0.AddSeconds(n / 3)));
        }

        // Shuffled insertion order, so the order of the pages comes from the query, not from the rowids.
        await WriteAsync([.. _all.Select((instance, n) => (instance, n)).OrderBy(x => x.n * 37 % count).Select(x => new CreateInstanceWrite(x.instance))]);
        await WriteAsync([.. _all.Where(i => StatusOf(i) == InstanceStatus.Running).Select(i => Samples.Commit(i.InstanceId))]);
    }
}
