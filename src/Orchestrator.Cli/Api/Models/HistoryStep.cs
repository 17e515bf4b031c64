using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>
/// One checkpointed step of an instance's history, also the data of the stream's <c>step</c> event. <c>Principal</c> is
/// whom the instance acts as; <c>By</c> who raised the event or applied the operation; <c>Title</c> a label for people.
/// </summary>
internal sealed record HistoryStep(
    int Sequence,
    string Kind,
    string Name,
    string Status,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? CompletedAt = null,
    int? Attempt = null,
    JsonElement? Input = null,
    JsonElement? Output = null,
    FailureInfo? Error = null,
    string? Principal = null,
    string? By = null,
    string? Title = null);
