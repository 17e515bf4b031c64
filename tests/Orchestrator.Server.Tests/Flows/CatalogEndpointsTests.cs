using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Flows;

[Collection(ServerCollection.Name)]
public sealed class CatalogEndpointsTests(ServerFixture server)
{
    private readonly HttpClient _viewer = server.Client(TestUsers.Viewer);

    [Fact]
    public async Task Principals_ListsConfiguredUsersAndEveryRole()
    {
        var body = await GetAsync("/api/principals");

        body.GetProperty("users").EnumerateArray().Select(u => u.GetString()).Should().Contain([TestUsers.Analyst, TestUsers.SecondApprover]);
        body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("admin", "analyst", "approver", "developer", "viewer");
    }

    [Theory]
    [InlineData("/api/models")]
    [InlineData("/api/tools")]
    [InlineData("/api/agents")]
    public async Task Catalog_AnswersAnItemsList(string path)
    {
        var body = await GetAsync(path);

        body.GetProperty("items").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task Tools_HaveNameKindAndSchema()
    {
        var items = (await GetAsync("/api/tools")).GetProperty("items").EnumerateArray().ToList();

        items.Should().NotBeEmpty();
        items.Should().OnlyContain(t => t.GetProperty("name").GetString()!.Length > 0
            && t.GetProperty("kind").GetString()!.Length > 0
            && t.GetProperty("parameters").ValueKind == JsonValueKind.Object);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _viewer.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
