using Orchestrator.Cli.Api;

namespace Orchestrator.Cli.Tests.Api;

public class InstanceQueryTests
{
    [Fact]
    public void ToQueryString_Nothing_IsEmpty()
    {
        new InstanceQuery().ToQueryString().Should().BeEmpty();
    }

    [Fact]
    public void ToQueryString_AllFilters_AreEscaped()
    {
        var query = new InstanceQuery("Running", "samples.sequence", "team:a&b", 20, "abc/=");

        query.ToQueryString().Should().Be("?status=Running&workflow=samples.sequence&tag=team%3Aa%26b&cursor=abc%2F%3D&limit=20");
    }
}
