using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

public class ParsingTests
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("watch", "--help")]
    [InlineData("start", "-h")]
    [InlineData("approvals", "--help")]
    [InlineData("audit", "--help")]
    public async Task Help_ShowsUsageAndTheExitCodes(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Usage:").And.Contain("orch").And.Contain("Exit codes:").And.Contain("11   the watched instance was Terminated")
            .And.Contain("12   audit --verify: the audit chain is broken");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task NoArguments_ShowsHelpAndExitsTwo()
    {
        var run = await _cli.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().Contain("Commands:").And.Contain("approvals").And.Contain("approve").And.Contain("reject").And.Contain("audit").And.Contain("usage");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("status")]
    [InlineData("raise", "abc")]
    [InlineData("list", "--bogus")]
    [InlineData("list", "--limit", "many")]
    [InlineData("approvals", "t1", "t2")]
    [InlineData("usage", "--bogus")]
    public async Task BadArguments_ExitTwoWithOneLine(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: ").And.EndWith("for usage." + Environment.NewLine);
        run.Stderr.TrimEnd().Should().NotContain("\n");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task BlankId_ExitsTwo()
    {
        var run = await _cli.RunAsync("status", " ");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("orch: <id> must not be empty" + Environment.NewLine);
    }

    [Theory]
    [InlineData("ftp://server")]
    [InlineData("not a url")]
    public async Task BadServer_ExitsTwo(string server)
    {
        var run = await _cli.RunAsync("list", "--server", server);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith($"orch: --server '{server}' is not an http:// or https:// URL");
    }

    [Fact]
    public async Task ProgramRunAsync_IsTheInProcessEntryPoint()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await Program.RunAsync(["status", "abc", "--server", "http://127.0.0.1:1"], stdout, stderr);

        exitCode.Should().Be(6);
        stderr.ToString().Should().StartWith("orch: cannot reach http://127.0.0.1:1/");
        stdout.ToString().Should().BeEmpty();
    }
}
