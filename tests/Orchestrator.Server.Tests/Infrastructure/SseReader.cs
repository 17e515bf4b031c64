namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Reads Server-Sent Events from a response stream, item by item.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>The next event or comment; null when the server closed the stream.</summary>
    public async Task<SseMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data is not null)
                {
                    return new SseMessage(name ?? "message", data, null);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                return new SseMessage(null, null, line[1..].Trim());
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = data is null ? line["data:".Length..].TrimStart() : data + "\n" + line["data:".Length..].TrimStart();
            }
        }

        return null;
    }

    /// <summary>The next event, skipping comments (the stream's opening comment, keep-alives); null when the stream closed.</summary>
    public async Task<SseMessage?> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (await ReadAsync(cancellationToken) is { } message)
        {
            if (message.Event is not null)
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>Every item until the server closes the stream.</summary>
    public async Task<List<SseMessage>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var all = new List<SseMessage>();
        while (await ReadAsync(cancellationToken) is { } message)
        {
            all.Add(message);
        }

        return all;
    }

    public void Dispose() => _reader.Dispose();
}
