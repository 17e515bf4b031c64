using Orchestrator.Flows.Elsa;

namespace Orchestrator.Flows.Tests.Elsa;

/// <summary>The Elsa reader takes outside text: however deep it is nested, it is a clear format error, never a crash.</summary>
public sealed class ElsaJsonLimitsTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Read_PropertyNestedPastTheDepthLimit_IsAFormatErrorSayingSo(int depth)
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var json = "{\"definitionId\":\"deep\",\"root\":{\"id\":\"fc\",\"type\":\"Elsa.Flowchart\",\"activities\":[{\"id\":\"start\",\"type\":\"Elsa.Start\",\"extra\":"
            + nested + "}],\"connections\":[]}}";

        var act = () => ElsaJson.Read(json);

        act.Should().Throw<FlowFormatException>().WithMessage("The definition is not valid JSON: *depth*");
    }

    [Fact]
    public void Read_FlowchartsNestedInsideEachOther_PastTheDepthLimit_IsAFormatErrorNotAStackOverflow()
    {
        const int levels = 5_000;
        var open = string.Concat(Enumerable.Repeat("{\"id\":\"fc\",\"type\":\"Elsa.Flowchart\",\"activities\":[", levels));
        var close = string.Concat(Enumerable.Repeat("],\"connections\":[]}", levels));
        var json = "{\"definitionId\":\"deep\",\"root\":" + open + "{\"id\":\"s\",\"type\":\"Elsa.Start\"}" + close + "}";

        var act = () => ElsaJson.Read(json);

        act.Should().Throw<FlowFormatException>().WithMessage("*depth*");
    }
}
