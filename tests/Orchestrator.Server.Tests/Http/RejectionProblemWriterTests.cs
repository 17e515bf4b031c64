using System.IO.Pipelines;
using System.Text;
using CsCheck;
using Orchestrator.Server.Http;

namespace Orchestrator.Server.Tests.Http;

/// <summary>The connection output filter: Kestrel's empty error answers get a body, every other byte passes unchanged.</summary>
public sealed class RejectionProblemWriterTests
{
    private const string Rejection = "HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 15:32:30 GMT\r\nServer: Kestrel\r\n\r\n";

    private static readonly string[] Answers =
    [
        "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}",
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n",
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
        "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n",
        "event: status\ndata: {\"status\":\"Running\"}\n\n",
        ": keep-alive\n\n",
        "HTTP/1.1 5",
        "HTTP/2",
        string.Empty,
    ];

    [Fact]
    public async Task KestrelRejection_WrittenInPieces_GetsAProblemBodyWithItsLength()
    {
        var output = await RunAsync([[Rejection[..7], Rejection[7..30], Rejection[30..]]]);

        var (head, body) = (output[..output.IndexOf("\r\n\r\n", StringComparison.Ordinal)], output[(output.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        head.Should().StartWith("HTTP/1.1 414 URI Too Long\r\n").And.Contain("Server: Kestrel").And.Contain("Content-Type: application/problem+json")
            .And.Contain($"Content-Length: {Encoding.UTF8.GetByteCount(body)}").And.NotContain("Content-Length: 0");
        body.Should().Contain("\"status\":414");
    }

    [Fact]
    public async Task MemoryTakenBeforeAFlush_AdvancedAfterIt_PassesInOrder()
    {
        var pipe = new Pipe();
        var writer = new RejectionProblemWriter(pipe.Writer, _ => [(byte)'!']);
        Write(writer, "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n");
        var kept = writer.GetMemory(16);
        await writer.FlushAsync();
        "2\r\nok\r\n"u8.CopyTo(kept.Span);
        writer.Advance(7);
        Write(writer, "0\r\n\r\n");
        await writer.FlushAsync();
        await writer.CompleteAsync();

        var read = await pipe.Reader.ReadAtLeastAsync(int.MaxValue / 2);
        Encoding.ASCII.GetString(read.Buffer).Should().Be("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
    }

    [Fact]
    public void RejectionStatus_OnlyForAnEmptyErrorAnswerWithoutBody()
    {
        RejectionProblemWriter.RejectionStatus(Encoding.ASCII.GetBytes(Rejection)).Should().Be(414);
        foreach (var answer in Answers)
        {
            RejectionProblemWriter.RejectionStatus(Encoding.ASCII.GetBytes(answer)).Should().BeNull(answer);
        }
    }

    [Fact]
    public void AnyOtherAnswers_InAnyPieces_PassUnchanged()
    {
        var pieces = Gen.OneOf(Gen.OneOf(Answers), Gen.String[" HTPCL:/0123456789\r\n{}"]).Array[1, 6]
            .SelectMany(answers => Gen.Int[1, 50].Array[answers.Length].Select(sizes => Split(answers, sizes)));

        // The alphabet of the random pieces lacks the letters of "Content-Length", so none of them is a rejection.
        pieces.Sample(chunks => RunAsync(chunks).GetAwaiter().GetResult() == string.Concat(chunks.Select(c => string.Concat(c))), iter: 2_000);
    }

    /// <summary>Writes each flush chunk as the given pieces (each advanced separately), flushing after each chunk.</summary>
    private static async Task<string> RunAsync(IReadOnlyList<IReadOnlyList<string>> chunks)
    {
        var pipe = new Pipe();
        var writer = new RejectionProblemWriter(pipe.Writer, status => Encoding.UTF8.GetBytes($"{{\"status\":{status}}}"));
        foreach (var chunk in chunks)
        {
            foreach (var piece in chunk)
            {
                Write(writer, piece);
            }

            await writer.FlushAsync();
        }

        await writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(int.MaxValue / 2);
        var text = Encoding.ASCII.GetString(read.Buffer);
        pipe.Reader.AdvanceTo(read.Buffer.End);
        return text;
    }

    private static void Write(PipeWriter writer, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    private static IReadOnlyList<IReadOnlyList<string>> Split(string[] answers, int[] sizes) =>
        [.. answers.Select((answer, i) => (IReadOnlyList<string>)[.. answer.Chunk(sizes[i]).Select(c => new string(c))])];
}
