using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class DiagnosticMessageTests
{
    [Theory]
    [InlineData("var now = DateTime.UtcNow;", "DateTime.UtcNow", "ctx.CurrentUtcDateTime")]
    [InlineData("var now = TimeProvider.System.GetUtcNow();", "TimeProvider.System", "ctx.CurrentUtcDateTime")]
    [InlineData("var id = Guid.NewGuid();", "Guid.NewGuid()", "ctx.NewGuid()")]
    [InlineData("var random = new Random();", "new Random()", "ctx.NewGuid()")]
    [InlineData("var value = Random.Shared.Next();", "Random.Shared", "activity")]
    [InlineData("await Task.Delay(5);", "Task.Delay()", "ctx.CreateTimerAsync")]
    [InlineData("await Task.Run(() => 1);", "Task.Run()", "activity")]
    [InlineData("await ctx.CreateTimerAsync(TimeSpan.Zero).ConfigureAwait(false);", "ConfigureAwait(false)", "scheduler")]
    [InlineData("var text = await _http.GetStringAsync(input);", "HttpClient.GetStringAsync()", "activity")]
    [InlineData("var text = File.ReadAllText(input);", "File.ReadAllText()", "activity")]
    [InlineData("var region = Environment.GetEnvironmentVariable(\"REGION\");", "Environment.GetEnvironmentVariable()", "workflow input")]
    public async Task Analyze_Violation_MessageNamesTheApiAndTheAlternative(string statement, string api, string alternative)
    {
        var diagnostics = await AnalyzeAsync(InWorkflow(statement));

        var message = diagnostics.Should().ContainSingle().Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        message.Should().StartWith($"'{api}'").And.Contain(alternative);
    }
}
