using System.Text;
using Orchestrator.Cli.Sse;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Sse;

public class SseReaderTests
{
    [Fact]
    public async Task ReadAsync_MultiByteCharactersSplitAcrossReads_AreDecodedIntact()
    {
        var bytes = Encoding.UTF8.GetBytes("event: step\ndata: {\"name\":\"Überprüfung €\"}\n\n");
        using var stream = new ScriptedStream(bytes, breakAtEnd: false, pieceSize: 1);

        var events = new List<SseEvent>();
        await foreach (var sseEvent in SseReader.ReadAsync(stream, CancellationToken.None))
        {
            events.Add(sseEvent);
        }

        events.Should().Equal(new SseEvent("step", "{\"name\":\"Überprüfung €\"}"));
    }

    [Fact]
    public async Task ReadAsync_BrokenConnection_YieldsCompleteEventsThenThrows()
    {
        using var stream = new ScriptedStream(Encoding.UTF8.GetBytes("data: one\n\ndata: tw"), breakAtEnd: true);
        var events = new List<SseEvent>();

        var read = async () =>
        {
            await foreach (var sseEvent in SseReader.ReadAsync(stream, CancellationToken.None))
            {
                events.Add(sseEvent);
            }
        };

        await read.Should().ThrowAsync<IOException>();
        events.Should().Equal(new SseEvent("message", "one"));
    }
}
