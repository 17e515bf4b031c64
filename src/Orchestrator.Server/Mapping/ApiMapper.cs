using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Storage;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Mapping;

/// <summary>Maps engine records to the API's shapes: JSON text becomes embedded JSON, times become UTC.</summary>
internal static class ApiMapper
{
    public static WorkflowItem ToItem(WorkflowDescriptor workflow) =>
        new(
            workflow.Name,
            workflow.Version,
            workflow.Kind,
            workflow.Description,
            workflow.Versions is { Count: > 0 } versions ? versions : [workflow.Version],
            string.IsNullOrWhiteSpace(workflow.DisplayName) ? workflow.Name : workflow.DisplayName.Trim());

    public static InstanceSummary ToSummary(InstanceRecord instance, WorkflowNames names) =>
        new(
            instance.InstanceId,
            instance.Name,
            instance.Version,
            instance.Status,
            JsonText.ToElement(instance.CustomStatus),
            UtcTime.Normalize(instance.CreatedAt),
            UtcTime.Normalize(instance.UpdatedAt),
            instance.StartedBy,
            names.Of(instance));

    public static InstanceDetails ToDetails(InstanceRecord instance, WorkflowNames names) =>
        new(
            instance.InstanceId,
            instance.Name,
            instance.Version,
            instance.Status,
            JsonText.ToElement(instance.Input),
            JsonText.ToElement(instance.Output),
            ToError(instance.Error),
            JsonText.ToElement(instance.CustomStatus),
            UtcTime.Normalize(instance.CreatedAt),
            UtcTime.Normalize(instance.UpdatedAt),
            instance.StartedBy,
            instance.ParentInstanceId,
            instance.Tags,
            ToUsage(instance.TotalUsage ?? instance.Usage ?? UsageTotals.Zero),
            ToUsage(instance.Usage ?? UsageTotals.Zero),
            names.Of(instance));

    public static UsageInfo ToUsage(UsageTotals totals) =>
        new(totals.InputTokens, totals.CachedInputTokens, totals.OutputTokens, totals.CostUsd);

    /// <summary>A failure as answers show it: type and message; the stack trace stays in the log (see <see cref="ErrorText"/>).</summary>
    public static ErrorInfo? ToError(FailureDetails? failure) =>
        failure is null ? null : new ErrorInfo(failure.ErrorType, ErrorText.WithoutStackTrace(failure.ErrorMessage));

    public static StepDto ToDto(Step step) =>
        new(
            step.Sequence,
            step.Kind,
            step.Name,
            step.Status,
            step.StartedAt,
            step.CompletedAt,
            step.Attempt,
            JsonText.ToElement(step.Input),
            JsonText.ToElement(step.Output),
            ToError(step.Error),
            step.Principal,
            step.Agent,
            step.OnBehalfOf)
        {
            ChildInstanceId = step.ChildInstanceId,
            TargetInstanceId = step.TargetInstanceId,
            Usage = step.Usage is { } usage
                ? new StepUsage(usage.Model, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens, usage.CostUsd)
                : null,
            Title = step.Title,
            Deadline = step.Deadline,
            Attempts = step.Attempts.Count == 0 ? null : [.. step.Attempts.Select(a => new StepAttemptDto(a.Attempt, a.FailedAt, ToError(a.Error)!))],
            By = step.By,
        };

    public static StatusEvent ToStatusEvent(InstanceStatus status, string? customStatus) =>
        new(status, JsonText.ToElement(customStatus));
}
