using Microsoft.Extensions.Logging;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// The loggers handed to the MCP client library: each entry stays one line, with the messages of its exception (one
/// after the other, line breaks folded) instead of the stack traces. A server that writes a page of text to stdout
/// would otherwise bury the cause under a stack trace per line, and the library's internals say nothing an operator
/// can act on. Once the server's secrets are known (<see cref="Redact"/>), they are cut out of every entry, since the
/// library quotes the server's stderr in its own messages.
/// </summary>
internal sealed class OneLineLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Cuts the secrets of the server these loggers belong to out of a message; null while there are none.</summary>
    public Func<string, string>? Redact { get; set; }

    public ILogger CreateLogger(string categoryName) => new OneLineLogger(inner.CreateLogger(categoryName), this);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>Nothing to release: the inner factory belongs to the host.</summary>
    public void Dispose()
    {
    }

    /// <summary>The messages of an exception and its inner exceptions, each once, on one line.</summary>
    public static string Messages(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = string.Join(" | ", current.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(" <- ", messages);
    }

    private sealed class OneLineLogger(ILogger inner, OneLineLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var redact = factory.Redact;
            if (exception is null)
            {
                inner.Log(logLevel, eventId, state, null, redact is null ? formatter : (s, e) => redact(formatter(s, e)));
                return;
            }

            inner.Log(logLevel, eventId, state, null, (s, _) =>
            {
                var line = $"{formatter(s, exception).TrimEnd('.')}: {Messages(exception)}";
                return redact is null ? line : redact(line);
            });
        }
    }
}
