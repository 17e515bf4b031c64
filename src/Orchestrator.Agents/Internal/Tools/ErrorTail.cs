namespace Orchestrator.Agents.Internal.Tools;

/// <summary>The last few lines an MCP server wrote to stderr while it started, each cut short: enough to say why it stopped.</summary>
internal sealed class ErrorTail
{
    public const int MaxLines = 5;

    public const int MaxLineChars = 300;

    /// <summary>How long a failed start waits for output the client has not read yet.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count == 0;
            }
        }
    }

    public void Add(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(trimmed.Length <= MaxLineChars ? trimmed : string.Concat(trimmed.AsSpan(0, MaxLineChars - 1), "\u2026"));
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Text()
    {
        lock (_gate)
        {
            return string.Join(" | ", _lines);
        }
    }
}
