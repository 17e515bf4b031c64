using System.Net;
using System.Text;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class StartInstanceTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task Start_NewId_Is201WithLocationAndStartedByTheCaller()
    {
        var id = NewId();

        using var response = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "input": { "steps": 1 }, "instanceId": "{{id}}" }""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/instances/{id}");
        (await response.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().Be(id);
        var instance = await _developer.WaitForStatusAsync(id, "Completed");
        instance.GetProperty("startedBy").GetString().Should().Be(TestUsers.Developer);
    }

    [Fact]
    public async Task Start_WithoutId_CreatesAFreshId()
    {
        using var response = await _developer.PostJsonAsync("/api/instances", """{ "workflow": "samples.sequence", "input": { "steps": 0 } }""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Start_AsAnalyst_IsAllowed()
    {
        var analyst = server.Client(TestUsers.Analyst);

        var id = await analyst.StartAsync("samples.sequence", new { steps = 0 });

        (await analyst.WaitForStatusAsync(id, "Completed")).GetProperty("startedBy").GetString().Should().Be(TestUsers.Analyst);
    }

    [Fact]
    public async Task Start_SameIdSameInput_Is200WithTheExistingInstance()
    {
        var id = NewId();
        var body = $$"""{ "workflow": "samples.sequence", "input": { "steps": 2 }, "instanceId": "{{id}}" }""";
        using var first = await _developer.PostJsonAsync("/api/instances", body);

        // Same JSON value, different whitespace: the input is compared as compact JSON.
        using var second = await _developer.PostJsonAsync("/api/instances", body.Replace(" ", "  ", StringComparison.Ordinal));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().Be(id);
    }

    [Fact]
    public async Task Start_SameIdOtherInput_Is409Problem()
    {
        var id = NewId();
        using var first = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "input": { "steps": 1 }, "instanceId": "{{id}}" }""");

        using var second = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "input": { "steps": 5 }, "instanceId": "{{id}}" }""");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Start_UnknownWorkflow_Is404ProblemListingKnownWorkflows()
    {
        using var response = await _developer.PostJsonAsync("/api/instances", """{ "workflow": "no.such.workflow" }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Contain("no.such.workflow").And.Contain("samples.sequence");
    }

    [Theory]
    [InlineData("""{ "workflow": """, "not valid JSON")]
    [InlineData("""[1, 2]""", "not valid JSON")]
    [InlineData("""{ "input": { "steps": 1 } }""", "\"workflow\" is required")]
    [InlineData("""{ "workflow": "   " }""", "\"workflow\" is required")]
    [InlineData("""{ "workflow": "samples.sequence", "inptu": {} }""", "\"inptu\" is not known")]
    [InlineData("""{ "workflow": "samples.sequence", "version": true }""", "\"version\"")]
    [InlineData("""{ "workflow": "samples.sequence", "tags": { "a:b": "c" } }""", "tag key")]
    [InlineData("""{ "workflow": "samples.sequence", "tags": { "a": 1 } }""", "not valid JSON")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "" }""", "1 to 200 characters")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a/b" }""", "character 2 is '/'")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a\nb" }""", "U+000A")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a\u200Bb" }""", "U+200B")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a\u202Eb" }""", "U+202E")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a b" }""", "only letters, digits")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": ".." }""", "must not be '..'")]
    [InlineData("""{ "workflow": "samples.sequence", "instanceId": "a?b" }""", "character 2 is '?'")]
    public async Task Start_BadBody_Is400ProblemSayingWhatToFix(string body, string detail)
    {
        using var response = await _developer.PostJsonAsync("/api/instances", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(detail);
    }

    [Fact]
    public async Task Start_InputOfTheWrongShape_Is400NamingTheFieldAndTypeAndWritesNothing()
    {
        var id = "shape-" + Guid.NewGuid().ToString("N");

        using var response = await _developer.PostJsonAsync(
            "/api/instances", $$"""{ "workflow": "samples.sequence", "input": { "steps": "three" }, "instanceId": "{{id}}" }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("$.steps").And.Contain("a whole number (Int32)")
            .And.Contain("samples.sequence").And.NotContain("LineNumber");
        using var instance = await _developer.GetAsync($"/api/instances/{id}");
        instance.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "customer": "Ada", "amount": "lots" }""", "the field $.amount must be a number (Double), not the text \"lots\"")]
    [InlineData("""{ "customer": { "name": "Ada" } }""", "the field $.customer must be text (String), not an object")]
    [InlineData("\"refund please\"", "the input must be an object of its inputs (customer: String, amount: Double")]
    public async Task Start_FlowInputOfTheWrongShape_Is400NamingTheDeclaredInputAndWritesNothing(string input, string expected)
    {
        var id = "flow-shape-" + Guid.NewGuid().ToString("N");

        using var response = await _developer.PostJsonAsync(
            "/api/instances", $$"""{ "workflow": "refund-flow", "input": {{input}}, "instanceId": "{{id}}" }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("refund-flow").And.Contain(expected);
        using var instance = await _developer.GetAsync($"/api/instances/{id}");
        instance.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_FlowInputWithOnlySomeDeclaredInputsAndNumbersAsText_IsAccepted()
    {
        using var response = await _developer.PostJsonAsync(
            "/api/instances", """{ "workflow": "refund-flow", "input": { "customer": "Ada", "amount": "12.5", "note": "not declared" } }""");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_IdLongerThan200_Is400Problem()
    {
        var id = new string('x', 201);

        using var response = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "instanceId": "{{id}}" }""");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Start_EmptyBody_Is400Problem()
    {
        using var response = await _developer.PostAsync("/api/instances", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("workflow");
    }

    [Fact]
    public async Task Start_BodyOverOneMebibyte_Is413Problem()
    {
        var body = $$"""{ "workflow": "samples.sequence", "input": "{{new string('x', 1024 * 1024)}}" }""";

        using var response = await _developer.PostJsonAsync("/api/instances", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().Should().Contain("Orchestrator:Limits:MaxRequestBytes");
    }

    [Fact]
    public async Task Start_BadRequest_LeavesNoInstanceBehind()
    {
        var id = NewId();
        using var rejected = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "instanceId": "{{id}}", "version": [] }""");

        using var lookup = await _developer.GetAsync($"/api/instances/{id}");

        rejected.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        lookup.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string NewId() => "start-" + Guid.NewGuid().ToString("N");
}
