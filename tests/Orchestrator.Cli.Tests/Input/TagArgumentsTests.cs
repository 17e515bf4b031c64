using Orchestrator.Cli.Input;

namespace Orchestrator.Cli.Tests.Input;

public class TagArgumentsTests
{
    [Fact]
    public void ParsePairs_KeyValues_BecomeADictionary()
    {
        var tags = TagArguments.ParsePairs("--tag", ["team=payments", "url=https://x/?a=b"]);

        tags.Should().BeEquivalentTo(new Dictionary<string, string> { ["team"] = "payments", ["url"] = "https://x/?a=b" });
    }

    [Fact]
    public void ParsePairs_None_IsNull()
    {
        TagArguments.ParsePairs("--tag", []).Should().BeNull();
        TagArguments.ParsePairs("--tag", null).Should().BeNull();
    }

    [Theory]
    [InlineData("team")]
    [InlineData("=payments")]
    public void ParsePairs_WithoutKey_IsAUsageError(string value)
    {
        var parse = () => TagArguments.ParsePairs("--tag", [value]);

        parse.Should().Throw<UsageException>().WithMessage("*key=value*");
    }

    [Fact]
    public void ParsePairs_DuplicateKey_IsAUsageError()
    {
        var parse = () => TagArguments.ParsePairs("--tag", ["a=1", "a=2"]);

        parse.Should().Throw<UsageException>().WithMessage("*'a' is given twice*");
    }

    [Fact]
    public void ParseFilter_KeyColonValue_IsKeptAsIs()
    {
        TagArguments.ParseFilter("--tag", "team:payments").Should().Be("team:payments");
    }

    [Fact]
    public void ParseFilter_WithoutColon_IsAUsageError()
    {
        var parse = () => TagArguments.ParseFilter("--tag", "team=payments");

        parse.Should().Throw<UsageException>().WithMessage("*key:value*");
    }
}
