using System.Text.Json;
using Orchestrator.Cli.Input;

namespace Orchestrator.Cli.Tests.Input;

public sealed class JsonInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orch-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_NotGiven_IsNull()
    {
        JsonInput.Parse("--input", null).Should().BeNull();
    }

    [Theory]
    [InlineData("{\"orderId\":42}", JsonValueKind.Object)]
    [InlineData("[1,2]", JsonValueKind.Array)]
    [InlineData("\"text\"", JsonValueKind.String)]
    [InlineData("12.5", JsonValueKind.Number)]
    [InlineData("null", JsonValueKind.Null)]
    public void Parse_InlineJson_ReturnsTheValue(string value, JsonValueKind kind)
    {
        var parsed = JsonInput.Parse("--input", value);

        parsed!.Value.ValueKind.Should().Be(kind);
        parsed.Value.GetRawText().Should().Be(value);
    }

    [Fact]
    public void Parse_AtFile_ReadsJsonFromTheFile()
    {
        var path = Path.Combine(_directory, "order.json");
        File.WriteAllText(path, "{ \"orderId\": 7 }\n");

        var parsed = JsonInput.Parse("--input", "@" + path);

        parsed!.Value.GetProperty("orderId").GetInt32().Should().Be(7);
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("hello")]
    [InlineData("{\"a\":1,}")]
    [InlineData("   ")]
    public void Parse_InvalidJson_IsAUsageErrorNamingTheOption(string value)
    {
        var parse = () => JsonInput.Parse("--data", value);

        parse.Should().Throw<UsageException>().Which.Message.Should().StartWith("--data ");
    }

    [Fact]
    public void Parse_AtFileWithInvalidJson_NamesOptionAndFile()
    {
        var path = Path.Combine(_directory, "broken.json");
        File.WriteAllText(path, "{ \"orderId\": ");

        var parse = () => JsonInput.Parse("--input", "@" + path);

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain("--input").And.Contain("broken.json").And.Contain("not valid JSON");
    }

    [Fact]
    public void Parse_AtMissingFile_IsAUsageError()
    {
        var parse = () => JsonInput.Parse("--input", "@" + Path.Combine(_directory, "missing.json"));

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain("--input cannot read file");
    }

    [Fact]
    public void Parse_AtWithoutFileName_IsAUsageError()
    {
        var parse = () => JsonInput.Parse("--input", "@");

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain("needs a file name");
    }
}
