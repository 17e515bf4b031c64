using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Orchestrator.Server.Http;

/// <summary>
/// The output of one connection, passed through unchanged except for one kind of answer: the empty error answer Kestrel
/// writes itself for a request it cannot parse (<c>HTTP/1.1 400 Bad Request</c>, 414, 431, … with <c>Content-Length: 0</c>
/// and nothing after the headers), which gets a problem+json body. Such an answer is always written and flushed on its
/// own, so only the first bytes after each flush are looked at: they are held back until they either stop looking like
/// one (a success status, a body after the headers, more than <see cref="MaxHeld"/> bytes) or are flushed. Every other
/// byte is copied through once.
/// </summary>
internal sealed class RejectionProblemWriter(PipeWriter inner, Func<int, byte[]> problemBody) : PipeWriter
{
    /// <summary>Kestrel's empty answers are a status line and four short headers; anything longer is not one.</summary>
    private const int MaxHeld = 1024;

    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();

    private const int SegmentSize = 4096;

    private readonly ArrayBufferWriter<byte> _held = new(256);

    // The caller writes into this buffer and every Advance copies what it wrote on, into _held or the inner writer. It
    // behaves like a pipe's segment, which Kestrel relies on: memory asked for again before Advance (even across a flush)
    // is the same memory with what was written into it, and after Advance the rest of the last memory is where writing
    // goes on. Handing out the inner writer's memory while passing through would break that whenever the mode changes.
    private byte[] _segment = new byte[SegmentSize];
    private int _position;
    private bool _passThrough;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + _held.WrittenCount;

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_segment.Length - _position < Math.Max(sizeHint, 1))
        {
            _segment = new byte[Math.Max(SegmentSize, sizeHint)];
            _position = 0;
        }

        return _segment.AsMemory(_position);
    }

    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, _segment.Length - _position);
        var written = _segment.AsSpan(_position, bytes);
        _position += bytes;
        if (_passThrough)
        {
            inner.Write(written);
            return;
        }

        _held.Write(written);
        if (!CouldBeRejection(_held.WrittenSpan))
        {
            Release(_held.WrittenSpan);
            _passThrough = true;
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        EndChunk();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        EndChunk();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        EndChunk();
        return inner.CompleteAsync(exception);
    }

    /// <summary>The status of an empty error answer Kestrel wrote itself, or null for any other bytes.</summary>
    internal static int? RejectionStatus(ReadOnlySpan<byte> head)
    {
        if (!CouldBeRejection(head) || head.Length < 12 || head.IndexOf(EndOfHeaders) != head.Length - EndOfHeaders.Length
            || head.IndexOf(EmptyBody) < 0 || head.IndexOf("\r\nContent-Type:"u8) >= 0)
        {
            return null;
        }

        return (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    }

    /// <summary>Whether the bytes so far can still be the start of such an answer: <c>HTTP/1.x 4xx</c> or <c>5xx</c>, short, no body.</summary>
    private static bool CouldBeRejection(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> prefix = "HTTP/1."u8;
        var compared = Math.Min(head.Length, prefix.Length);
        if (!head[..compared].SequenceEqual(prefix[..compared]) || head.Length > MaxHeld)
        {
            return false;
        }

        if ((head.Length > 7 && !char.IsAsciiDigit((char)head[7])) || (head.Length > 8 && head[8] != ' ')
            || (head.Length > 9 && head[9] is not ((byte)'4' or (byte)'5'))
            || (head.Length > 10 && !char.IsAsciiDigit((char)head[10])) || (head.Length > 11 && !char.IsAsciiDigit((char)head[11])))
        {
            return false;
        }

        var end = head.IndexOf(EndOfHeaders);
        return end < 0 || end + EndOfHeaders.Length == head.Length;
    }

    private void EndChunk()
    {
        if (!_passThrough && _held.WrittenCount > 0)
        {
            var held = _held.WrittenSpan;
            if (RejectionStatus(held) is { } status)
            {
                Release(WithBody(held, problemBody(status)));
            }
            else
            {
                Release(held);
            }
        }

        _held.ResetWrittenCount();
        _passThrough = false;
    }

    private void Release(ReadOnlySpan<byte> bytes)
    {
        inner.Write(bytes);
        _held.ResetWrittenCount();
    }

    /// <summary>The same status line and headers, with the body's type and length instead of <c>Content-Length: 0</c>.</summary>
    private static byte[] WithBody(ReadOnlySpan<byte> head, byte[] body)
    {
        var text = Encoding.ASCII.GetString(head[..^EndOfHeaders.Length]);
        var lines = text.Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Add("Content-Type: application/problem+json");
        lines.Add("Content-Length: " + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        lines.Add("Cache-Control: no-store");
        lines.Add("X-Content-Type-Options: nosniff");
        return [.. Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n"), .. body];
    }
}
