using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Flows;

/// <summary>
/// A script or template too deep for its parser is a problem on its node at validate, save and import, and the server
/// answers normally: before, Fluid's parser overflowed the stack and the server process ended.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DefinitionLimitsTests(ServerFixture server)
{
    private static readonly string DeepTemplate =
        string.Concat(Enumerable.Repeat("{% if true %}", 3_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3_000));

    private static readonly string DeepParentheses = "{{ " + new string('(', 10_000) + "1" + new string(')', 10_000) + " }}";

    private static readonly string DeepScript = new string('[', 20_000) + new string(']', 20_000);

    private readonly HttpClient _analyst = server.Client(TestUsers.Analyst);

    public static TheoryData<string, string> TooDeep() => new()
    {
        { "Liquid", DeepTemplate },
        { "Liquid", DeepParentheses },
        { "JavaScript", DeepScript },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task Validate_ExpressionTooDeep_IsAProblemOnItsNode(string type, string source)
    {
        using var response = await _analyst.PostJsonAsync("/api/definitions/validate", Flow(null, type, source));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        ProblemOn(await response.ReadJsonAsync(), "write").GetProperty("code").GetString().Should().Be("invalid-expression");
        (await server.Client(TestUsers.Viewer).GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task SaveAndImport_ExpressionTooDeep_SavesWithTheProblem(string type, string source)
    {
        var id = "deep-" + Guid.NewGuid().ToString("N")[..12];

        using var saved = await _analyst.PostJsonAsync("/api/definitions", Flow(id, type, source));
        using var imported = await _analyst.PostJsonAsync("/api/definitions/import", Flow(id + "-i", type, source));

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        ProblemOn(await saved.ReadJsonAsync(), "write").GetProperty("message").GetString().Should().Contain("write");
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        ProblemOn(await imported.ReadJsonAsync(), "write");
    }

    [Theory]
    [InlineData("/api/definitions/validate")]
    [InlineData("/api/definitions")]
    [InlineData("/api/definitions/import")]
    public async Task Post_DefinitionNestedTooDeep_Is400(string path)
    {
        var deep = "{\"definitionId\":\"deep-json\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        using var response = await _analyst.PostJsonAsync(path, deep);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("depth");
    }

    private static JsonElement ProblemOn(JsonElement body, string nodeId) =>
        body.GetProperty("problems").EnumerateArray().Should().ContainSingle(p => p.GetProperty("nodeId").GetString() == nodeId).Subject;

    private static string Flow(string? id, string type, string source) => FlowJson.Document(
        id,
        "Deep",
        [FlowJson.Activity("start", "Elsa.Start"), FlowJson.Activity("write", "Elsa.WriteLine", ("text", FlowJson.Expression("String", type, source))), FlowJson.Activity("end", "Elsa.End")],
        [("start", "Done", "write"), ("write", "Done", "end")]);
}
