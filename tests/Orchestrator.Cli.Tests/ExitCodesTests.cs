using System.Net;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Commands;

namespace Orchestrator.Cli.Tests;

public class ExitCodesTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2)]
    [InlineData(HttpStatusCode.UnprocessableEntity, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 5)]
    [InlineData(HttpStatusCode.Forbidden, 5)]
    [InlineData(HttpStatusCode.NotFound, 3)]
    [InlineData(HttpStatusCode.Conflict, 4)]
    [InlineData(HttpStatusCode.InternalServerError, 1)]
    [InlineData(HttpStatusCode.BadGateway, 1)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    public void FromHttpStatus_MapsToTheDocumentedCode(HttpStatusCode status, int expected)
    {
        ((int)ExitCodes.FromHttpStatus(status)).Should().Be(expected);
    }

    [Theory]
    [InlineData("Completed", 0)]
    [InlineData("Failed", 10)]
    [InlineData("Terminated", 11)]
    public void FromTerminalStatus_MapsToTheDocumentedCode(string status, int expected)
    {
        ((int)ExitCodes.FromTerminalStatus(status)).Should().Be(expected);
    }

    [Fact]
    public void ExitCodeValues_AreTheContractScriptsRelyOn()
    {
        Enum.GetValues<ExitCode>().Select(code => (int)code).Should().Equal(0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 130);
    }

    [Fact]
    public void HelpEpilog_DocumentsEveryExitCode()
    {
        var epilog = ExitCodes.HelpEpilog();

        ExitCodes.Documented.Select(entry => entry.Code).Should().BeEquivalentTo(Enum.GetValues<ExitCode>());
        foreach (var (code, meaning) in ExitCodes.Documented)
        {
            epilog.Should().MatchRegex($@"(?m)^  {(int)code}\s+{System.Text.RegularExpressions.Regex.Escape(meaning)}$");
        }
    }

    [Fact]
    public void CliFailure_MapsEachKindOfFailure()
    {
        CliFailure.From(new UsageException("bad"), cancelled: false).Code.Should().Be(ExitCode.Usage);
        CliFailure.From(new OrchestratorApiException(HttpStatusCode.Conflict, "busy"), cancelled: false).Should().Be(new CliFailure(ExitCode.Conflict, "busy"));
        CliFailure.From(new ServerUnreachableException("down"), cancelled: false).Code.Should().Be(ExitCode.Unreachable);
        CliFailure.From(new System.Text.Json.JsonException("eh"), cancelled: false).Code.Should().Be(ExitCode.Error);
        CliFailure.From(new OperationCanceledException(), cancelled: true).Code.Should().Be(ExitCode.Cancelled);
        CliFailure.From(new InvalidOperationException("boom"), cancelled: false).Reason.Should().Contain("boom");
    }

    [Fact]
    public void CliFailure_OneLine_FoldsLineBreaks()
    {
        new CliFailure(ExitCode.Error, "first\r\n  second\nthird").OneLine().Should().Be("first second third");
    }
}
