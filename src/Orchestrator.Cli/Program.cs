namespace Orchestrator.Cli;

/// <summary>
/// The <c>orch</c> command line. Besides the process entry point it offers <see cref="RunAsync"/>, which runs
/// the CLI in-process exactly as the executable would, for end-to-end tests and tools that embed it.
/// </summary>
public static class Program
{
    /// <summary>
    /// Runs <c>orch</c> with <paramref name="args"/> (without the program name) and returns its exit code.
    /// Output goes to <paramref name="stdout"/> and <paramref name="stderr"/>; <c>ORCH_URL</c>, <c>ORCH_API_KEY</c>
    /// and <c>NO_COLOR</c> are read from the process environment. Writers other than <see cref="Console.Out"/>
    /// get plain text without ANSI codes. Nothing is thrown for command failures: they are reported as
    /// <c>orch: reason</c> on <paramref name="stderr"/> with the documented exit code (see README.md).
    /// </summary>
    /// <param name="args">The command line, e.g. <c>["start", "samples.sequence", "--json"]</c>.</param>
    /// <param name="stdout">Receives tables, or the JSON document with <c>--json</c>.</param>
    /// <param name="stderr">Receives the one-line reason when the command fails.</param>
    /// <param name="cancellationToken">Cancels the command, which then exits with 130.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            OutputIsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
        };
        return OrchCli.RunAsync(args, environment, cancellationToken);
    }

    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // The first Ctrl+C stops the command cleanly (exit 130); a second one kills the process as usual.
        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }
}
