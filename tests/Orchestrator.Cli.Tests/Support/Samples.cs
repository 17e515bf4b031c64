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

    /// <summary>An approval as <c>GET /api/approvals</c> lists it; the clock's now is 2025-11-22T12:00:00Z.</summary>
    public static string Approval(string taskId, string status = "pending", string dueAt = "2025-11-22T13:00:00Z", string title = "Refund $900 on A-2") => $$"""
        {"taskId":"{{taskId}}","instanceId":"inst-{{taskId}}","workflow":"it.refund-agent","title":"{{title}}",
         "details":"The customer asks for a **refund**.","proposed":{"orderId":"A-2","amount":900,"express":true,"lines":[1,2]},
         "proposedSchema":null,"assignTo":["role:approver","user:bob"],"requestedBy":{"agent":"refunder","onBehalfOf":"alice"},
         "createdAt":"2025-11-22T11:55:00Z","dueAt":{{(dueAt.Length == 0 ? "null" : $"\"{dueAt}\"")}},"status":"{{status}}",
         "decidedBy":null,"decidedAt":null,"comment":null,"edits":null}
        """;

    /// <summary>The answer of <c>GET /api/approvals/{taskId}</c>: the task with its context and steps.</summary>
    public static string ApprovalDetails(string taskId) =>
        Approval(taskId).TrimEnd().TrimEnd('}') + $$"""
        ,"context":{"conversation":[{"role":"user","content":"Refund $900 on A-2"}]},
         "steps":[{{Step(1, "activity", "agent.model", "Completed")}},{{Step(2, "activity", "approval.create", "Completed")}}]}
        """;

    /// <summary>One audit record as <c>GET /api/audit</c> lists it.</summary>
    public static string AuditRecord(int sequence, string action = "instance.start", string outcome = "ok") => $$"""
        {"sequence":{{sequence}},"time":"2025-11-22T11:5{{sequence % 10}}:00Z","actor":"user:alice","onBehalfOf":null,
         "action":"{{action}}","target":"instance:abc","outcome":"{{outcome}}","details":{"workflow":"samples.sequence"},
         "previousHash":"00ff","hash":"ab{{sequence}}"}
        """;

    /// <summary>An audit page of the records <paramref name="sequences"/>, newest first, and its cursor.</summary>
    public static string AuditPage(string? nextCursor, params int[] sequences) =>
        $$"""{"items":[{{string.Join(',', sequences.Select(n => AuditRecord(n)))}}],"nextCursor":{{(nextCursor is null ? "null" : $"\"{nextCursor}\"")}}}""";

    /// <summary>A usage report grouped by workflow with two groups and their total.</summary>
    public const string Usage = """
        {"groupBy":"workflow","from":null,"to":null,"items":[
          {"key":"it.refund-agent","calls":3,"inputTokens":12500,"cachedInputTokens":2000,"outputTokens":800,"costUsd":0.0125},
          {"key":null,"calls":1,"inputTokens":100,"cachedInputTokens":0,"outputTokens":10,"costUsd":0.0001}
        ],"total":{"calls":4,"inputTokens":12600,"cachedInputTokens":2000,"outputTokens":810,"costUsd":0.0126}}
        """;

    /// <summary>One server-sent event; JSON data is put on one line as a server would.</summary>
    public static string Event(string name, string data) => $"event: {name}\ndata: {string.Join(' ', data.Split('\n', StringSplitOptions.TrimEntries))}\n\n";
}
