namespace Orchestrator.Testing.Tests;

/// <summary>Starting and stopping the server.</summary>
public sealed class ScriptedModelServerTests
{
    [Fact]
    public async Task StartAsync_FreePort_BaseUrlIsLoopbackV1()
    {
        await using var first = await ScriptedModelServer.StartAsync();
        await using var second = await ScriptedModelServer.StartAsync();

        first.BaseUrl.Should().MatchRegex(@"^http://127\.0\.0\.1:\d+/v1/$");
        second.BaseUrl.Should().NotBe(first.BaseUrl, "each server gets its own port");
        first.RequestCount.Should().Be(0);
        first.Remaining.Should().Be(0);
    }

    [Fact]
    public async Task DisposeAsync_Twice_DoesNotThrow()
    {
        var server = await ScriptedModelServer.StartAsync();

        await server.DisposeAsync();
        var again = async () => await server.DisposeAsync();

        await again.Should().NotThrowAsync();
    }

    [Fact]
    public async Task DisposeAsync_Stopped_RefusesConnections()
    {
        var server = await ScriptedModelServer.StartAsync();
        var url = new Uri(new Uri(server.BaseUrl), "chat/completions");
        await server.DisposeAsync();
        using var http = new HttpClient();

        var post = () => http.PostAsync(url, new StringContent("{}"));

        await post.Should().ThrowAsync<HttpRequestException>();
    }
}
