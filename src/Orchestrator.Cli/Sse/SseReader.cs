using System.Runtime.CompilerServices;
using System.Text;

namespace Orchestrator.Cli.Sse;

/// <summary>Reads server-sent events from a UTF-8 byte stream as they arrive.</summary>
internal static class SseReader
{
    private const int BufferSize = 4096;

    /// <summary>Yields each event as soon as its closing blank line arrives; an unfinished last event is dropped, as the spec says.</summary>
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The decoder keeps a multi-byte character that is split across two reads intact.
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        var parser = new SseParser();
        var buffer = new char[BufferSize];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            foreach (var sseEvent in parser.Push(buffer.AsSpan(0, read)))
            {
                yield return sseEvent;
            }
        }
    }
}
