using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Api;

/// <summary>
/// Failures shown to viewers say what went wrong (type and message) but never where in the server's code: no stack
/// frames, no source paths, in the instance, its history, and the stream's final event.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorAnswersTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Theory]
    [InlineData("plain")]
    [InlineData("wrapped")]
    public async Task FailedInstance_InstanceHistoryAndStream_ShowTypeAndMessageWithoutStackTrace(string input)
    {
        var id = await _developer.StartAsync(FailingWorkflow.Name, input);
        await _developer.WaitForStatusAsync(id, "Failed");
        var viewer = server.Client(TestUsers.Viewer);

        var instance = await viewer.GetStringAsync($"/api/instances/{id}");
        var history = await viewer.GetStringAsync($"/api/instances/{id}/history");
        var stream = await viewer.GetStringAsync($"/api/instances/{id}/stream");

        foreach (var answer in new[] { instance, history, stream })
        {
            answer.Should().NotContain("   at ").And.NotContain(@"\u0020\u0020 at").And.NotContain(".cs:line")
                .And.NotContain(nameof(FailingActivity) + ".cs").And.NotContain("stackTrace")
                .And.NotContain("End of inner exception");
        }

        var failedStep = JsonSerializer.Deserialize<JsonElement>(history).GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == FailingActivity.Name);
        var error = failedStep.GetProperty("error");
        error.GetProperty("type").GetString().Should().Be(typeof(InvalidOperationException).FullName);
        error.GetProperty("message").GetString().Should().Contain(FailingActivity.Message);
        JsonSerializer.Deserialize<JsonElement>(instance).GetProperty("error").GetProperty("message").GetString()
            .Should().Contain(FailingActivity.Message);
    }
}
