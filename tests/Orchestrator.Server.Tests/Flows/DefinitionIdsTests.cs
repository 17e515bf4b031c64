using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Flows;

/// <summary>A flow drawn without an id is addressed by an id made from its name; an id a caller gives is checked at creation.</summary>
[Collection(ServerCollection.Name)]
public sealed class DefinitionIdsTests(ServerFixture server)
{
    private readonly HttpClient _analyst = server.Client(TestUsers.Analyst);

    [Fact]
    public async Task SaveDraft_WithoutDefinitionId_IsAddressedByAnIdMadeFromTheName()
    {
        var name = "Loan review " + Guid.NewGuid().ToString("N")[..6];

        using var response = await _analyst.PostJsonAsync("/api/definitions", FlowJson.Linear(null, name: name));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync()).GetProperty("definitionId").GetString();
        id.Should().Be(name.ToLowerInvariant().Replace(' ', '-'));
        using var draft = await _analyst.GetAsync($"/api/definitions/{id}");
        draft.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/definitions", "bad id")]
    [InlineData("/api/definitions/import", "a/b")]
    [InlineData("/api/definitions/import?publish=true", "..")]
    public async Task SaveAndImport_InvalidDefinitionId_Is400NamingTheProblem(string path, string id)
    {
        using var response = await _analyst.PostJsonAsync(path, FlowJson.Linear(id));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("definitionId");
    }
}
