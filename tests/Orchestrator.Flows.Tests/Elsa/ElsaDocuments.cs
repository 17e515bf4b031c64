using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Tests.Elsa;

/// <summary>The hand-written Elsa 3 documents in <c>Documents/</c>, copied next to the test assembly.</summary>
internal static class ElsaDocuments
{
    public const string ExampleA = "example-a-decision-loop.json";
    public const string ExampleB = "example-b-human-review.json";
    public const string LegacyPascal = "legacy-pascal-3.0.json";
    public const string AgentsAndUnknown = "agents-and-unknown.json";
    public const string EveryElsaActivity = "every-elsa-activity.json";
    public const string OrchestratorActivities = "orchestrator-activities.json";

    /// <summary>Every document, for theories.</summary>
    public static TheoryData<string> All => new()
    {
        ExampleA, ExampleB, LegacyPascal, AgentsAndUnknown, EveryElsaActivity, OrchestratorActivities,
    };

    /// <summary>The documents written in camelCase and the current connection shape (what the writer writes back).</summary>
    public static TheoryData<string> CurrentShape => new()
    {
        ExampleA, ExampleB, AgentsAndUnknown, EveryElsaActivity, OrchestratorActivities,
    };

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
