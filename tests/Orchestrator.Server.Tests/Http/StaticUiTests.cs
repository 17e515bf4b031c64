using System.Net;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Http;

/// <summary>The web console's files on a server of their own whose web root holds a built console (index.html and a hashed asset).</summary>
public sealed class StaticUiTests : IAsyncLifetime
{
    private const string Index = "<!doctype html><html><body><div id=\"root\"></div><script type=\"module\" src=\"/assets/app-Ab12Cd.js\"></script></body></html>";
    private const string Script = "console.log('console');";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-static-ui-tests-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "wwwroot", "assets"));
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "wwwroot", "index.html"), Index);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "wwwroot", "assets", "app-Ab12Cd.js"), Script);
        _app = ServerFixture.CreateApp(_dataDir);
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/instances/order-1:0000")]
    [InlineData("/audit?q=approval")]
    public async Task Get_ConsolePath_AnswersIndexUncachedWithoutAKey(string path)
    {
        using var response = await _http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Be(Index);
    }

    [Fact]
    public async Task Get_HashedAsset_IsCachedForAYear()
    {
        using var response = await _http.GetAsync("/assets/app-Ab12Cd.js");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(365));
        response.Headers.CacheControl.Public.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Be(Script);
    }

    [Fact]
    public async Task Get_MissingAsset_Is404InsteadOfTheConsole()
    {
        using var response = await _http.GetAsync("/assets/app-Old999.js");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownApiPath_StaysA404Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Authorization = new("Bearer", TestUsers.KeyOf(TestUsers.Viewer));

        using var response = await _http.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ConsolePath_IsNotAnsweredWithTheConsole()
    {
        using var response = await _http.PostAsync("/inbox", new StringContent("{}"));

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().NotBe("text/html");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
