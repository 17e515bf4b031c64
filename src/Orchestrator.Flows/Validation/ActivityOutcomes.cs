using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>The outcomes (source ports) each activity type has (docs/flows.md and the Orchestrator.* table).</summary>
internal static class ActivityOutcomes
{
    public const string HttpUnmatched = "Unmatched status code";

    private static readonly string[] Done = ["Done"];
    private static readonly string[] None = [];
    private static readonly string[] HttpFixed = ["Done", HttpUnmatched, "Failed to connect", "Timeout"];

    /// <summary>
    /// The outcomes of a node; null when they cannot be known before the run (an unknown type, or branches, cases or
    /// status codes given by a script). <paramref name="anyStatusCode"/> is set when the HTTP node's expected codes are
    /// computed, so any status-code port is accepted.
    /// </summary>
    public static IReadOnlyCollection<string>? Of(FlowActivity activity, out bool anyStatusCode)
    {
        anyStatusCode = false;
        switch (activity.Type)
        {
            case FlowActivityTypes.Start or FlowActivityTypes.WriteLine or FlowActivityTypes.SetVariable or FlowActivityTypes.SetOutput
                or FlowActivityTypes.FlowJoin or FlowActivityTypes.Delay or FlowActivityTypes.Event or FlowActivityTypes.RunTask
                or FlowActivityTypes.ExecuteWorkflow or FlowActivityTypes.Model:
                return Done;
            case FlowActivityTypes.End or FlowActivityTypes.Finish or FlowActivityTypes.Fault:
                return None;
            case FlowActivityTypes.FlowDecision:
                return ["True", "False"];
            case FlowActivityTypes.Agent or FlowActivityTypes.SubWorkflow:
                return ["Done", "Failed"];
            case FlowActivityTypes.Tool:
                return ["Done", "Denied", "Failed"];
            case FlowActivityTypes.Approval:
                return ["Approved", "Rejected", "TimedOut"];
            case FlowActivityTypes.FlowFork:
                return InputValues.StringList(activity.Input("branches"));
            case FlowActivityTypes.FlowSwitch:
                return SwitchLabels(activity) is { } labels ? [.. labels, "Default"] : null;
            case FlowActivityTypes.FlowSendHttpRequest:
                var codes = activity.Input("expectedStatusCodes");
                if (InputValues.IsMissing(codes))
                {
                    return HttpFixed;
                }

                if (InputValues.StringList(codes) is { } list)
                {
                    return [.. list, .. HttpFixed];
                }

                anyStatusCode = true;
                return HttpFixed;
            default:
                return null;
        }
    }

    /// <summary>The case labels of a switch, or null when <c>cases</c> is not a list of objects.</summary>
    public static IReadOnlyList<string>? SwitchLabels(FlowActivity activity) =>
        Cases(activity) is { } cases
            ? [.. cases.Select(c => c.Find("label") is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : string.Empty)]
            : null;

    /// <summary>The case objects of a switch (a raw array, or a wrapped input holding one), or null.</summary>
    public static IReadOnlyList<JsonObject>? Cases(FlowActivity activity)
    {
        var raw = activity.Property("cases");
        var array = raw switch
        {
            JsonArray a => a,
            JsonObject o when o.Find("$values") is JsonArray a => a,
            JsonObject o when o.Find("typeName") is not null => InputValues.ConstantJson(activity.Input("cases")) as JsonArray,
            _ => null,
        };
        return array?.OfType<JsonObject>().ToList();
    }
}
