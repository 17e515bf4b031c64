namespace Orchestrator.Cli.Tests.Support;

/// <summary>Runs the CLI in-process against a <see cref="StubHttpHandler"/>, with controlled environment and clock.</summary>
internal sealed class CliHarness
{
    public StubHttpHandler Server { get; } = new();

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public FixedClock Clock { get; init; } = new();

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            GetVariable = name => Variables.GetValueOrDefault(name),
            HttpHandler = Server,
            Clock = Clock,
            PollInterval = TimeSpan.FromMilliseconds(5),
            ConsoleWidth = 200,
        };
        var exitCode = await OrchCli.RunAsync(args, environment, CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>What one CLI run produced.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
