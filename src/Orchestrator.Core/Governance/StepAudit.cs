using System.Text;
using System.Text.Json;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Replay;

namespace Orchestrator.Core.Governance;

/// <summary>
/// The audit records of one turn, derived from the events it applied: one per finished step and one when the instance
/// ends. Details hold ids, names, attempts and error types only, never inputs or outputs (they may hold secrets).
/// </summary>
internal static class StepAudit
{
    public const string System = "system";

    public static string InstanceTarget(string instanceId) => "instance:" + instanceId;

    /// <summary>The actor of a step: the agent acting for the person, the person, or the system.</summary>
    public static (string Actor, string? OnBehalfOf) Principal(string? agent, string? user) =>
        agent is not null
            ? ("agent:" + agent, user is null ? null : "user:" + user)
            : (user is null ? System : "user:" + user, null);

    public static List<AuditEntry> ForTurn(string instanceId, WorkflowExecutor executor, TurnOutput output, WorkflowRegistry registry, DateTime now)
    {
        var entries = new List<AuditEntry>(output.Resolved.Count + output.Audit.Count + 1);
        var started = executor.Started;
        var target = InstanceTarget(instanceId);
        foreach (var step in output.Resolved)
        {
            entries.Add(ForStep(instanceId, target, started, step, registry, now));
        }

        entries.AddRange(output.Audit);
        foreach (var e in output.NewEvents)
        {
            if (e is ExecutionCompleted { Status: InstanceStatus.Completed or InstanceStatus.Failed } end)
            {
                entries.Add(ForEnd(instanceId, started?.Name, started?.Agent, started?.StartedBy, end, now));
            }
        }

        return entries;
    }

    /// <summary>The record of an instance that completed or failed.</summary>
    public static AuditEntry ForEnd(string instanceId, string? workflow, string? agent, string? user, ExecutionCompleted end, DateTime now)
    {
        var (actor, onBehalfOf) = Principal(agent, user);
        var failed = end.Status == InstanceStatus.Failed;
        return new AuditEntry(
            now, actor, onBehalfOf, failed ? AuditActions.InstanceFailed : AuditActions.InstanceCompleted, InstanceTarget(instanceId),
            failed ? AuditOutcomes.Failed : AuditOutcomes.Ok, instanceId,
            Details(w =>
            {
                w.WriteString("workflow", workflow);
                if (end.Failure is { } failure)
                {
                    w.WriteString("errorType", failure.ErrorType);
                }
            }));
    }

    private static AuditEntry ForStep(string instanceId, string target, ExecutionStarted? started, ResolvedStep step, WorkflowRegistry registry, DateTime now)
    {
        var failure = step.Result switch
        {
            TaskFailed f => f.Failure,
            SubOrchestrationInstanceFailed f => f.Failure,
            _ => null,
        };
        var outcome = failure is null ? AuditOutcomes.Ok : AuditOutcomes.Failed;
        if (step.Action is TaskScheduled activity)
        {
            return ForActivity(instanceId, target, activity, step.Result, failure, outcome, registry, now);
        }

        var (actor, onBehalfOf) = Principal(started?.Agent, started?.StartedBy);
        return step.Action is SubOrchestrationInstanceCreated child
            ? new AuditEntry(now, actor, onBehalfOf, AuditActions.StepSubWorkflow, target, outcome, instanceId,
                Details(w =>
                {
                    w.WriteNumber("taskId", child.EventId);
                    w.WriteString("name", child.Name);
                    w.WriteString("childInstanceId", child.InstanceId);
                    WriteFailure(w, failure);
                }))
            : new AuditEntry(now, actor, onBehalfOf, AuditActions.StepTimer, target, outcome, instanceId,
                Details(w => w.WriteNumber("taskId", step.Action.EventId)));
    }

    private static AuditEntry ForActivity(
        string instanceId, string target, TaskScheduled t, HistoryEvent result, FailureDetails? failure, string outcome, WorkflowRegistry registry, DateTime now)
    {
        var registration = registry.FindActivity(t.Name);
        var (actor, onBehalfOf) = Principal(t.Agent, t.OnBehalfOf);
        var subjectProperty = registration?.AuditSubject;
        var subject = subjectProperty is null ? null : ReadStringProperty(t.Input, subjectProperty);
        var attempt = result switch
        {
            TaskCompleted c => c.Attempt,
            TaskFailed f => f.Attempt,
            _ => 0,
        };
        var model = (result as TaskCompleted)?.Usage?.Model;
        return new AuditEntry(now, actor, onBehalfOf, registration?.AuditAction ?? AuditActions.StepActivity, target, outcome, instanceId,
            Details(w =>
            {
                w.WriteNumber("taskId", t.EventId);
                w.WriteString("name", t.Name);

                // A model step names the model it used (from its usage) rather than the one it asked for.
                if (subject is not null && (model is null || subjectProperty != "model"))
                {
                    w.WriteString(subjectProperty!, subject);
                }

                if (model is not null)
                {
                    w.WriteString("model", model);
                }

                w.WriteNumber("attempt", attempt);
                WriteFailure(w, failure);
            }));
    }

    private static void WriteFailure(Utf8JsonWriter writer, FailureDetails? failure)
    {
        if (failure is not null)
        {
            writer.WriteString("errorType", (failure.InnerFailure ?? failure).ErrorType);
        }
    }

    /// <summary>A small JSON object, written by <paramref name="write"/>.</summary>
    public static string Details(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The value of one top-level string property of a JSON object, or null; nothing else is read.</summary>
    private static string? ReadStringProperty(string? json, string property)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        // Inputs are written by the engine's own serializer, so they are always JSON.
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
