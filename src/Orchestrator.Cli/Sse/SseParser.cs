using System.Text;

namespace Orchestrator.Cli.Sse;

/// <summary>
/// Incremental parser for the <c>text/event-stream</c> format (WHATWG HTML, "Server-sent events"):
/// text arrives in chunks of any size and complete events come out. Lines end with CRLF, LF or CR,
/// even when a CRLF is split between two chunks.
/// </summary>
internal sealed class SseParser
{
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _data = new();
    private string _eventName = string.Empty;
    private string? _lastEventId;
    private bool _skipLineFeed;
    private bool _atStreamStart = true;

    /// <summary>Feeds the next chunk of decoded text; returns the events it completed, in order.</summary>
    public IReadOnlyList<SseEvent> Push(ReadOnlySpan<char> chunk)
    {
        var events = new List<SseEvent>();
        foreach (var c in chunk)
        {
            if (_atStreamStart)
            {
                // A byte order mark may only open the stream; it is not part of the first field name.
                _atStreamStart = false;
                if (c == '\uFEFF')
                {
                    continue;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            if (c is '\r' or '\n')
            {
                _skipLineFeed = c == '\r';
                ProcessLine(_line.ToString(), events);
                _line.Clear();
            }
            else
            {
                _line.Append(c);
            }
        }

        return events;
    }

    private void ProcessLine(string line, List<SseEvent> events)
    {
        if (line.Length == 0)
        {
            Dispatch(events);
            return;
        }

        if (line[0] == ':')
        {
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "event":
                _eventName = value;
                break;
            case "data":
                _data.Append(value).Append('\n');
                break;
            case "id" when !value.Contains('\0', StringComparison.Ordinal):
                _lastEventId = value;
                break;
            default:
                // "retry" tunes browser reconnection and unknown fields are ignored by the spec; orch does neither.
                break;
        }
    }

    private void Dispatch(List<SseEvent> events)
    {
        if (_data.Length > 0)
        {
            var data = _data.ToString(0, _data.Length - 1);
            events.Add(new SseEvent(_eventName.Length == 0 ? "message" : _eventName, data, _lastEventId));
        }

        _data.Clear();
        _eventName = string.Empty;
    }
}
