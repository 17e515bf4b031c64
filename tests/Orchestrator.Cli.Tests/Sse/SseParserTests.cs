using CsCheck;
using Orchestrator.Cli.Sse;

namespace Orchestrator.Cli.Tests.Sse;

public class SseParserTests
{
    private static List<SseEvent> ParseInChunks(string text, IEnumerable<int> chunkSizes)
    {
        var parser = new SseParser();
        var events = new List<SseEvent>();
        var position = 0;
        foreach (var size in chunkSizes)
        {
            if (position >= text.Length)
            {
                break;
            }

            var length = Math.Min(size, text.Length - position);
            events.AddRange(parser.Push(text.AsSpan(position, length)));
            position += length;
        }

        events.AddRange(parser.Push(text.AsSpan(position)));
        return events;
    }

    private static List<SseEvent> Parse(string text) => ParseInChunks(text, []);

    [Fact]
    public void Push_NamedEvent_DispatchesNameAndData()
    {
        var events = Parse("event: status\ndata: {\"status\":\"Running\"}\n\n");

        events.Should().Equal(new SseEvent("status", "{\"status\":\"Running\"}"));
    }

    [Fact]
    public void Push_MultiLineData_JoinsLinesWithNewline()
    {
        var events = Parse("event: step\ndata: {\"a\":1,\ndata:  \"b\":2}\n\n");

        events.Should().ContainSingle().Which.Data.Should().Be("{\"a\":1,\n \"b\":2}");
    }

    [Fact]
    public void Push_CommentsAndUnknownFields_AreIgnored()
    {
        var events = Parse(": keep-alive\nretry: 1000\nfoo: bar\nevent: done\ndata: x\n\n:another\n\n");

        events.Should().Equal(new SseEvent("done", "x"));
    }

    [Fact]
    public void Push_EventWithoutName_IsAMessage()
    {
        Parse("data: hello\n\n").Should().Equal(new SseEvent("message", "hello"));
    }

    [Fact]
    public void Push_EventNameWithoutData_IsNotDispatchedAndDoesNotLeakIntoTheNext()
    {
        var events = Parse("event: status\n\ndata: plain\n\n");

        events.Should().Equal(new SseEvent("message", "plain"));
    }

    [Fact]
    public void Push_FieldWithoutColonOrSpace_FollowsTheSpec()
    {
        var events = Parse("event:step\ndata\ndata:no-space\n\n");

        events.Should().Equal(new SseEvent("step", "\nno-space"));
    }

    [Fact]
    public void Push_OnlyOneLeadingSpaceIsStripped()
    {
        Parse("data:   indented\n\n").Single().Data.Should().Be("  indented");
    }

    [Fact]
    public void Push_IdField_IsCarriedToLaterEvents()
    {
        var events = Parse("id: 7\ndata: a\n\ndata: b\n\n");

        events.Select(e => e.Id).Should().Equal("7", "7");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Push_AnyLineEnding_ParsesTheSameEvents(string newline)
    {
        var text = $"event: status{newline}data: a{newline}data: b{newline}{newline}event: done{newline}data: c{newline}{newline}";

        Parse(text).Should().Equal(new SseEvent("status", "a\nb"), new SseEvent("done", "c"));
    }

    [Fact]
    public void Push_CrLfSplitAcrossChunks_IsOneLineBreak()
    {
        var parser = new SseParser();

        var first = parser.Push("data: a\r");
        var second = parser.Push("\n\r");
        var third = parser.Push("\n");

        first.Should().BeEmpty();
        second.Should().Equal(new SseEvent("message", "a"));
        third.Should().BeEmpty();
    }

    [Fact]
    public void Push_PartialChunks_EmitEventsOnlyWhenTheBlankLineArrives()
    {
        var parser = new SseParser();

        parser.Push("event: st").Should().BeEmpty();
        parser.Push("ep\ndata: {\"seq").Should().BeEmpty();
        parser.Push("uence\":1}\n").Should().BeEmpty();
        parser.Push("\n").Should().Equal(new SseEvent("step", "{\"sequence\":1}"));
    }

    [Fact]
    public void Push_ByteOrderMarkAtStart_IsSkipped()
    {
        Parse("\uFEFFevent: status\ndata: x\n\n").Should().Equal(new SseEvent("status", "x"));
    }

    [Fact]
    public void Push_UnfinishedLastEvent_IsNotDispatched()
    {
        Parse("data: complete\n\ndata: cut off\n").Should().Equal(new SseEvent("message", "complete"));
    }

    [Fact]
    public void Push_AnyChunking_YieldsTheSameEventsAsOneChunk()
    {
        var line = Gen.Char["ab :é{}\"\\"].Array[0, 12].Select(chars => new string(chars));
        var sseEvent = Gen.Select(Gen.String["abcdefghij"], line.Array[1, 4]);
        var newline = Gen.OneOf("\n", "\r\n", "\r");
        var chunkSizes = Gen.Int[1, 9].Array[0, 40];

        Gen.Select(sseEvent.Array[1, 5], newline, chunkSizes).Sample((events, nl, sizes) =>
        {
            var text = string.Concat(events.Select(e =>
                (e.Item1.Length > 0 ? $"event: {e.Item1}{nl}" : string.Empty)
                + string.Concat(e.Item2.Select(data => $"data: {data}{nl}"))
                + nl));
            var expected = events.Select(e => new SseEvent(e.Item1.Length > 0 ? e.Item1 : "message", string.Join('\n', e.Item2)));

            ParseInChunks(text, sizes).Should().Equal(expected);
        });
    }
}
