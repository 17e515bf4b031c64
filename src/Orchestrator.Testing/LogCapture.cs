using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Testing;

/// <summary>
/// A logger provider that keeps every entry of Information and up, so a test can read what an operator would see
/// (add it with <c>logging.AddProvider(capture)</c>).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    /// <summary>The entries so far, in order.</summary>
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One log entry: where it came from, how severe it is, its formatted message, and the exception attached, if any.</summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception attached, or null.</param>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
