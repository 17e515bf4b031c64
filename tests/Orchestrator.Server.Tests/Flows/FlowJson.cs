using System.Text.Json;

namespace Orchestrator.Server.Tests.Flows;

/// <summary>Small Elsa 3 workflow-definition documents for the definitions API tests.</summary>
public static class FlowJson
{
    /// <summary>Start → WriteLine(<paramref name="text"/>) → End.</summary>
    public static string Linear(string? definitionId, string text = "hello", string name = "Test flow") => Document(
        definitionId,
        name,
        [Activity("start", "Elsa.Start"), WriteLine("write", text), Activity("end", "Elsa.End")],
        [("start", "Done", "write"), ("write", "Done", "end")]);

    /// <summary>
    /// Start → WriteLine → Event(<paramref name="eventName"/>) → SetOutput("version", <paramref name="marker"/>) → End:
    /// an instance waits between the two steps until the event is raised.
    /// </summary>
    public static string WaitsForEvent(string definitionId, string eventName, string marker) => Document(
        definitionId,
        "Waits for " + eventName,
        [
            Activity("start", "Elsa.Start"),
            WriteLine("before", "before " + marker),
            Activity("wait", "Elsa.Event", ("eventName", Literal("String", eventName))),
            Activity("mark", "Elsa.SetOutput", ("outputName", Literal("String", "version")), ("outputValue", Literal("Object", marker))),
            Activity("end", "Elsa.End"),
        ],
        [("start", "Done", "before"), ("before", "Done", "wait"), ("wait", "Done", "mark"), ("mark", "Done", "end")],
        outputs: """[{"type":"String","name":"version","displayName":"Version","isArray":false}]""");

    /// <summary>
    /// Start → Fork(Ask, Skip): an approval for approvers, and an event <paramref name="eventName"/>; the first of them
    /// through the WaitAny join ends the flow.
    /// </summary>
    public static string ApprovalOrEvent(string definitionId, string eventName) => Document(
        definitionId,
        "Ask or skip",
        [
            Activity("start", "Elsa.Start"),
            Activity("fork", "Elsa.FlowFork", ("branches", StringList("Ask", "Skip"))),
            Activity("ask", "Orchestrator.Approval", ("title", Literal("String", "Go ahead?")), ("assignTo", StringList("role:approver"))),
            Activity("skip", "Elsa.Event", ("eventName", Literal("String", eventName))),
            Activity("join", "Elsa.FlowJoin", ("mode", Literal("String", "WaitAny"))),
            Activity("end", "Elsa.End"),
        ],
        [("start", "Done", "fork"), ("fork", "Ask", "ask"), ("fork", "Skip", "skip"), ("ask", "Approved", "join"), ("skip", "Done", "join"), ("join", "Done", "end")]);

    /// <summary>A flow with an activity type that does not run here.</summary>
    public static string WithUnsupported(string definitionId, string type = "Elsa.HttpEndpoint") => Document(
        definitionId,
        "Unsupported",
        [Activity("start", "Elsa.Start"), Activity("odd", type), Activity("end", "Elsa.End")],
        [("start", "Done", "odd"), ("odd", "Done", "end")]);

    /// <summary>Two activities with the same id.</summary>
    public static string WithDuplicateIds(string definitionId) => Document(
        definitionId,
        "Duplicates",
        [Activity("start", "Elsa.Start"), WriteLine("same", "a"), WriteLine("same", "b")],
        [("start", "Done", "same")]);

    public static string WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Literal("String", text)));

    /// <summary>An input computed by a <paramref name="type"/> expression (<c>JavaScript</c>, <c>Liquid</c>) of <paramref name="source"/>.</summary>
    public static string Expression(string typeName, string type, string source) =>
        "{\"typeName\":\"" + typeName + "\",\"expression\":{\"type\":\"" + type + "\",\"value\":" + JsonSerializer.Serialize(source) + "}}";

    public static string Literal(string typeName, string value) =>
        "{\"typeName\":\"" + typeName + "\",\"expression\":{\"type\":\"Literal\",\"value\":" + JsonSerializer.Serialize(value) + "}}";

    /// <summary>A <c>String[]</c> input written as an Object expression, as the designer writes lists.</summary>
    public static string StringList(params string[] items) =>
        "{\"typeName\":\"String[]\",\"expression\":{\"type\":\"Object\",\"value\":" + JsonSerializer.Serialize(JsonSerializer.Serialize(items)) + "}}";

    public static string Activity(string id, string type, params (string Name, string Json)[] inputs) =>
        "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":1" + string.Concat(inputs.Select(i => ",\"" + i.Name + "\":" + i.Json)) + "}";

    public static string Document(string? definitionId, string name, string[] activities, (string From, string Port, string To)[] connections, string outputs = "[]")
    {
        var id = definitionId is null ? string.Empty : $"\"definitionId\":\"{definitionId}\",";
        var links = connections.Select(c =>
            "{\"source\":{\"activity\":\"" + c.From + "\",\"port\":\"" + c.Port + "\"},\"target\":{\"activity\":\"" + c.To + "\",\"port\":\"In\"}}");
        return "{" + id + "\"name\":" + JsonSerializer.Serialize(name) + ",\"version\":1,\"variables\":[],\"inputs\":[],\"outputs\":" + outputs
            + ",\"root\":{\"id\":\"fc\",\"type\":\"Elsa.Flowchart\",\"version\":1,\"activities\":[" + string.Join(",", activities)
            + "],\"connections\":[" + string.Join(",", links) + "]}}";
    }
}
