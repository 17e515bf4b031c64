using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>POST /api/instances</c>; null members are left out of the JSON.</summary>
internal sealed record StartInstanceRequest(
    string Workflow,
    string? Version,
    JsonElement? Input,
    string? InstanceId,
    IReadOnlyDictionary<string, string>? Tags);
