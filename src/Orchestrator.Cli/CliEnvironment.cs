namespace Orchestrator.Cli;

/// <summary>
/// What the process hands the CLI: where output goes, environment variables, the clock and the network.
/// <see cref="Program"/> fills it from the real process; tests replace the parts they control.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output: tables for people, or exactly one JSON document with <c>--json</c>.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: the one-line <c>orch: reason</c> on failure.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Whether <see cref="Out"/> is an interactive terminal; only then are ANSI codes and live views used.</summary>
    public bool OutputIsTerminal { get; init; }

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The HTTP handler to send requests through; null uses the default socket handler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often a watch polls once the event stream is gone.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Fixes the console width; null lets Spectre detect it (80 columns when not a terminal).</summary>
    public int? ConsoleWidth { get; init; }
}
