using System.Globalization;
using System.Text.Json;
using Orchestrator.Core.Client;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Endpoints;

/// <summary>Checks the body of <c>POST /api/instances</c> and turns it into a start request for the engine.</summary>
internal static class StartRequestParser
{
    private const string Shape = "{ \"workflow\": name, \"version\"?: n, \"input\"?: any, \"instanceId\"?: id, \"tags\"?: { key: value } }";

    /// <summary>The request, or a sentence saying what to fix.</summary>
    public static (StartWorkflowRequest? Request, string? Error) Parse(StartInstanceRequest? body, string? startedBy)
    {
        if (body is null)
        {
            return (null, $"The body must be a JSON object: {Shape}.");
        }

        if (body.UnknownFields is { Count: > 0 } unknown)
        {
            return (null, $"The field \"{unknown.Keys.First()}\" is not known. Body shape: {Shape}.");
        }

        if (string.IsNullOrWhiteSpace(body.Workflow))
        {
            return (null, $"The field \"workflow\" is required: the name of a workflow from GET /api/workflows. Body shape: {Shape}.");
        }

        var (version, versionError) = ParseVersion(body.Version);
        var error = versionError
            ?? (body.InstanceId is null ? null : Identifiers.Check(body.InstanceId, "instanceId"))
            ?? CheckTags(body.Tags);
        if (error is not null)
        {
            return (null, error);
        }

        return (new StartWorkflowRequest(body.Workflow.Trim())
        {
            Version = version,
            InputJson = JsonText.ToText(body.Input),
            InstanceId = body.InstanceId,
            Tags = body.Tags,
            StartedBy = startedBy,
        }, null);
    }

    private static (string? Version, string? Error) ParseVersion(JsonElement? version) =>
        version switch
        {
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => (null, null),
            { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var n) && n > 0 =>
                (n.ToString(CultureInfo.InvariantCulture), null),
            { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()) => (text.GetString()!.Trim(), null),
            _ => (null, "The field \"version\" must be a positive whole number or a non-empty string, or be left out for the registered version."),
        };

    private static string? CheckTags(Dictionary<string, string>? tags)
    {
        foreach (var (key, value) in tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(key) || key.Contains(':', StringComparison.Ordinal) || key.Length > NameRules.MaxLength)
            {
                return $"The tag key '{key}' is not valid: tag keys must be 1 to {NameRules.MaxLength} characters without ':' (filters use key:value).";
            }

            if (value is null)
            {
                return $"The tag '{key}' has no value; tag values must be strings.";
            }
        }

        return null;
    }
}
