using Orchestrator.Server.Http;

namespace Orchestrator.Server.Tests.Http;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Orchestrator:Users:<user>:ApiKey", "Orchestrator:Users:&lt;user&gt;:ApiKey")]
    [InlineData("`Bearer <api key>` or user:<name>", "`Bearer <api key>` or user:&lt;name&gt;")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData(null, null)]
    public void EscapeAngleBrackets_OutsideCodeSpans_BecomeEntities(string? text, string? expected) =>
        MarkdownText.EscapeAngleBrackets(text).Should().Be(expected);
}
