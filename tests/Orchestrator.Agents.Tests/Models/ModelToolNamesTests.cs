using System.Text.RegularExpressions;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Tests.Models;

public sealed class ModelToolNamesTests
{
    private static readonly Regex Valid = new("^[a-zA-Z0-9_-]{1,64}$");

    [Fact]
    public void For_LookalikeLongAndForeignNames_GivesEachADistinctValidNameAndMapsItBackExactly()
    {
        string[] names =
        [
            "a.b", "a_b", "a-b", "a_b_2", "mcp:files.read", "héllo", ".", "agent:writer",
            new string('x', 70) + ".one", new string('x', 70) + ".two", new string('y', 64),
        ];

        var map = ModelToolNames.For(names.Select(Spec));

        var wire = names.Select(map.ToWire).ToList();
        wire.Should().OnlyContain(w => Valid.IsMatch(w));
        wire.Should().OnlyHaveUniqueItems();
        wire.Select(map.FromWire).Should().Equal(names);
    }

    [Fact]
    public void For_ValidNames_KeepTheirSpellingWhateverComesFirst()
    {
        var map = ModelToolNames.For([Spec("a.b"), Spec("a_b"), Spec("crm-lookup")]);

        (map.ToWire("a_b"), map.ToWire("crm-lookup"), map.ToWire("a.b")).Should().Be(("a_b", "crm-lookup", "a_b_2"));
        map.ToWire("mcp:files.read").Should().Be("mcp:files.read", "a name the request does not offer passes unchanged");
        map.FromWire("crm_delete_everything").Should().Be("crm_delete_everything");
    }

    [Fact]
    public void For_SameToolsAgain_GivesTheSameNames()
    {
        ModelToolSpec[] tools = [Spec("billing.refund"), Spec("billing_refund"), Spec("mcp:billing.refund")];

        var first = ModelToolNames.For(tools);
        var second = ModelToolNames.For(tools);

        tools.Select(t => first.ToWire(t.Name)).Should().Equal(tools.Select(t => second.ToWire(t.Name)));
    }

    private static ModelToolSpec Spec(string name) =>
        new(name, null, System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone());
}
