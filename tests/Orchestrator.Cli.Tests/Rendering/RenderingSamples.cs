using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

/// <summary>Typed values for renderer tests, read from contract-shaped JSON so the models are exercised too.</summary>
internal static class RenderingSamples
{
    public static InstancePage Page(string? nextCursor = null) => ApiJson.Read<InstancePage>($$"""
        {"items":[
          {"instanceId":"order-1","workflow":"samples.sequence","version":"2","status":"Running","customStatus":null,
           "createdAt":"2025-11-22T11:55:00Z","updatedAt":"2025-11-22T11:59:30Z","startedBy":"alice"},
          {"instanceId":"order-0","workflow":"samples.approval","version":1,"status":"Failed","customStatus":{"waitingFor":"approval:t1"},
           "createdAt":"2025-11-20T09:00:00Z","updatedAt":"2025-11-21T12:00:00Z","startedBy":null}
        ],"nextCursor":{{(nextCursor is null ? "null" : $"\"{nextCursor}\"")}}}
        """);

    public static InstanceHistory History() => ApiJson.Read<InstanceHistory>($$"""
        {"instanceId":"order-1","steps":[
          {{Samples.Step(1, "activity", "ChargeCard", "Completed")}},
          {"sequence":2,"kind":"activity","name":"ShipOrder","status":"Failed","startedAt":"2025-11-22T11:57:00Z","completedAt":"2025-11-22T11:58:05Z",
           "attempt":3,"input":null,"output":null,"error":{"type":"TimeoutException","message":"carrier did not answer"},"principal":null},
          {"sequence":3,"kind":"event","name":"approval:t1","status":"Received","startedAt":null,"completedAt":"2025-11-22T11:59:00Z",
           "attempt":null,"input":null,"output":{"status":"Approved","decidedBy":"bob"},"error":null,"principal":"refunder for ann"},
          {"sequence":4,"kind":"timer","name":"wait [1m]","status":"Waiting","startedAt":"2025-11-22T11:59:10Z","completedAt":null,
           "attempt":null,"input":null,"output":null,"error":null,"principal":null}
        ]}
        """);

    public static InstanceDetail Instance(string status = "Completed") => ApiJson.Read<InstanceDetail>(Samples.Instance("order-1", status));
}
