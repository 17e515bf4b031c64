using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// The size of a value as UTF-8 JSON, measured by writing it into one small buffer over and over: it costs no memory
/// for the value's text, and it stops as soon as the size passes the limit it is asked about. Also its depth, walked no
/// further than asked. Every node's output is measured, so the buffer and the writer are kept per thread.
/// </summary>
internal static class JsonSize
{
    [ThreadStatic]
    private static Counter? _counter;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The value's size in bytes, or a number above <paramref name="limit"/> as soon as it is known to be above it (0 for null).</summary>
    public static long Of(JsonNode? value, long limit)
    {
        if (value is null)
        {
            return 0;
        }

        var counter = _counter ??= new Counter();
        counter.Start(limit);
        var writer = _writer ??= new Utf8JsonWriter(counter);
        writer.Reset(counter);
        try
        {
            value.WriteTo(writer);
            writer.Flush();
        }
        catch (OverLimitException)
        {
            // The counter stops the writing once it knows the answer; what the writer still holds is dropped by Reset.
        }

        return counter.Written;
    }

    /// <summary>How deeply a value nests (0 for a scalar), or <paramref name="limit"/> + 1 as soon as it is known to nest deeper: the walk never goes further.</summary>
    public static int Depth(JsonNode? value, int limit)
    {
        if (value is not (JsonObject or JsonArray))
        {
            return 0;
        }

        if (limit <= 0)
        {
            return 1;
        }

        var deepest = 0;
        var children = value is JsonObject o ? o.Select(p => p.Value) : value.AsArray();
        foreach (var child in children)
        {
            deepest = Math.Max(deepest, Depth(child, limit - 1));
            if (deepest >= limit)
            {
                break;
            }
        }

        return deepest + 1;
    }

    private sealed class Counter : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[4096];
        private long _limit;
        private bool _stopped;

        public long Written { get; private set; }

        public void Start(long limit)
        {
            _limit = limit;
            _stopped = false;
            Written = 0;
        }

        public void Advance(int count)
        {
            Written += count;

            // Once per measurement: stopping must not throw again while the writer is reset.
            if (Written > _limit && !_stopped)
            {
                _stopped = true;
                throw new OverLimitException();
            }
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

        private byte[] Buffer(int sizeHint)
        {
            if (sizeHint > _buffer.Length)
            {
                _buffer = new byte[sizeHint];
            }

            return _buffer;
        }
    }

    private sealed class OverLimitException : Exception
    {
    }
}
