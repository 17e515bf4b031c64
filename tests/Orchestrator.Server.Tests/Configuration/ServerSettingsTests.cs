using Microsoft.Extensions.Configuration;
using Orchestrator.Core;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Tests.Configuration;

public sealed class ServerSettingsTests
{
    [Fact]
    public void Read_Nothing_GivesTheDocumentedDefaults()
    {
        var settings = ServerSettings.Read(Config());

        settings.DataDir.Should().Be(Path.GetFullPath("./data"));
        settings.Storage.Should().Be(new StorageSettings("sqlite", null, false));
        settings.Fault.Should().BeNull();
        settings.MaxRequestBytes.Should().Be(1024 * 1024);
        settings.StreamKeepAlive.Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Read_StorageSettings_AreTaken()
    {
        var settings = ServerSettings.Read(Config(
            ("Orchestrator:Storage:Provider", "SQLite"),
            ("Orchestrator:Storage:ConnectionString", "Data Source=/tmp/x.db"),
            ("Orchestrator:Storage:PowerLossDurability", "true")));

        settings.Storage.Should().Be(new StorageSettings("sqlite", "Data Source=/tmp/x.db", true));
    }

    [Theory]
    [InlineData("Orchestrator:Storage:Provider", "postgres")]
    [InlineData("Orchestrator:Storage:PowerLossDurability", "sometimes")]
    [InlineData("Orchestrator:Limits:MaxRequestBytes", "0")]
    [InlineData("Orchestrator:Stream:KeepAlive", "soon")]
    [InlineData("Orchestrator:Faults:Point", "during-lunch")]
    [InlineData("Orchestrator:Faults:AfterHits", "3")]
    public void Read_InvalidValue_FailsNamingTheKey(string key, string value)
    {
        var read = () => ServerSettings.Read(Config((key, value)));

        read.Should().Throw<ServerConfigurationException>().WithMessage($"*{key}*");
    }

    [Theory]
    [InlineData("after-history-commit", FaultPoint.AfterHistoryCommit)]
    [InlineData("before-dispatch", FaultPoint.BeforeDispatch)]
    [InlineData("inside-activity", FaultPoint.InsideActivity)]
    [InlineData("before-completion-commit", FaultPoint.BeforeCompletionCommit)]
    [InlineData("BeforeCompletionCommit", FaultPoint.BeforeCompletionCommit)]
    [InlineData("insideactivity", FaultPoint.InsideActivity)]
    public void Read_FaultPoint_AcceptsKebabCaseAndEnumNames(string text, FaultPoint expected)
    {
        var settings = ServerSettings.Read(Config(("Orchestrator:Faults:Point", text), ("Orchestrator:Faults:AfterHits", "4")));

        settings.Fault.Should().Be(new FaultSettings(expected, 4));
    }

    [Fact]
    public void Read_FaultPointWithoutAfterHits_FiresAtTheFirstPass()
    {
        ServerSettings.Read(Config(("Orchestrator:Faults:Point", "before-dispatch"))).Fault!.AfterHits.Should().Be(1);
    }

    [Fact]
    public void ToKebabCase_RoundTripsEveryPoint()
    {
        foreach (var point in Enum.GetValues<FaultPoint>())
        {
            FaultSettings.TryParsePoint(FaultSettings.ToKebabCase(point), out var parsed).Should().BeTrue();
            parsed.Should().Be(point);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
