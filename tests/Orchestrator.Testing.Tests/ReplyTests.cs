namespace Orchestrator.Testing.Tests;

/// <summary>Building replies: validation and descriptions.</summary>
public sealed class ReplyTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void Error_StatusNotAnError_Throws(int status)
    {
        var build = () => Reply.Error(status);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void WithUsage_CachedAboveInput_Throws()
    {
        var build = () => Reply.Text("hi").WithUsage(input: 10, output: 1, cached: 11);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Json_StringThatIsNotJson_Throws()
    {
        var build = () => Reply.Json("not json");

        build.Should().Throw<ArgumentException>().WithMessage("*Reply.Text*");
    }

    [Fact]
    public void Delay_NegativeDelay_Throws()
    {
        var build = () => Reply.Delay(TimeSpan.FromSeconds(-1), Reply.Text("hi"));

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ToolCalls_NoCalls_Throws()
    {
        var build = () => Reply.ToolCalls();

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ToString_EachKind_DescribesTheReply()
    {
        Reply.Text("hello").ToString().Should().Be("Text(hello)");
        Reply.ToolCalls(("a", null), ("b", new { x = 1 })).ToString().Should().Be("ToolCalls(a, b)");
        Reply.Error(429, "slow down").ToString().Should().Be("Error(429: slow down)");
        Reply.Malformed("{x").ToString().Should().Be("Malformed({x)");
        Reply.Delay(TimeSpan.FromSeconds(2), Reply.Text("late")).ToString().Should().Be("Text(late) after 00:00:02");
    }

    [Fact]
    public void Modifiers_ReturnCopies_LeaveTheOriginalUnchanged()
    {
        var original = Reply.Text("hi");

        var slow = original.After(TimeSpan.FromSeconds(1));
        var counted = original.WithUsage(5, 1);

        original.ToString().Should().Be("Text(hi)");
        slow.Should().NotBeSameAs(original);
        counted.Should().NotBe(original);
    }
}
