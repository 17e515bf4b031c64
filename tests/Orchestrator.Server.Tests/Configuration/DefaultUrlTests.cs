using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Http;

namespace Orchestrator.Server.Tests.Configuration;

public sealed class DefaultUrlTests
{
    [Fact]
    public void UseDefaultUrlWhenUnset_NoUrlsConfigured_ListensOnLoopback5080()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.UseDefaultUrlWhenUnset();

        builder.Configuration["urls"].Should().Be("http://127.0.0.1:5080");
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:9000")]
    [InlineData("http_ports", "8080")]
    public void UseDefaultUrlWhenUnset_AddressConfigured_KeepsIt(string key, string value)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration[key] = value;

        builder.UseDefaultUrlWhenUnset();

        builder.Configuration[key].Should().Be(value);
        if (key != "urls")
        {
            builder.Configuration["urls"].Should().BeNull();
        }
    }
}
