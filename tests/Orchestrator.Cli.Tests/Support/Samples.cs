namespace Orchestrator.Cli.Tests.Support;

/// <summary>Server bodies shaped like the HTTP contract.</summary>
internal static class Samples
{
    public static string Instance(string id, string status) => $$"""
        {"instanceId":"{{id}}","workflow":"samples.sequence","version":"1","status":"{{status}}","input":{"n":1},
         "output":null,"error":null,"customStatus":null,"createdAt":"2025-11-22T11:55:00Z","updatedAt":"2025-11-22T11:59:30Z",
         "startedBy":"alice","parentInstanceId":null,"tags":{"team":"a"},"usage":{"inputTokens":10,"outputTokens":20,"costUsd":0.0012} }
        """;

    public static string Step(int sequence, string kind, string name, string status) => $$"""
        {"sequence":{{sequence}},"kind":"{{kind}}","name":"{{name}}","status":"{{status}}","startedAt":"2025-11-22T11:56:00Z",
         "completedAt":"2025-11-22T11:56:01.5Z","attempt":1,"input":null,"output":{"ok":true},"error":null,"principal":null}
        """;

    /// <summary>One server-sent event; JSON data is put on one line as a server would.</summary>
    public static string Event(string name, string data) => $"event: {name}\ndata: {string.Join(' ', data.Split('\n', StringSplitOptions.TrimEntries))}\n\n";
}
