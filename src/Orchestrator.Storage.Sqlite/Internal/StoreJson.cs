using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Core;
using Orchestrator.Core.History;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>The JSON columns (history, inbox events, failures, tags, assignees), always in <see cref="OrchestratorJson.Options"/>.</summary>
internal static class StoreJson
{
    private static readonly JsonTypeInfo<HistoryEvent> _event = TypeInfo<HistoryEvent>();
    private static readonly JsonTypeInfo<IReadOnlyList<HistoryEvent>> _eventList = TypeInfo<IReadOnlyList<HistoryEvent>>();
    private static readonly JsonTypeInfo<List<HistoryEvent>> _eventListRead = TypeInfo<List<HistoryEvent>>();
    private static readonly JsonTypeInfo<FailureDetails> _failure = TypeInfo<FailureDetails>();
    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, string>> _tags = TypeInfo<IReadOnlyDictionary<string, string>>();
    private static readonly JsonTypeInfo<Dictionary<string, string>> _tagsRead = TypeInfo<Dictionary<string, string>>();
    private static readonly JsonTypeInfo<IReadOnlyList<string>> _strings = TypeInfo<IReadOnlyList<string>>();
    private static readonly JsonTypeInfo<List<string>> _stringsRead = TypeInfo<List<string>>();

    public static string SerializeEvent(HistoryEvent value) => JsonSerializer.Serialize(value, _event);

    public static HistoryEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize(json, _event) ?? throw Corrupt("an inbox event");

    public static string SerializeEvents(IReadOnlyList<HistoryEvent> events) => JsonSerializer.Serialize(events, _eventList);

    /// <summary>Appends the events of one history row to <paramref name="target"/>.</summary>
    public static void DeserializeEventsInto(string json, List<HistoryEvent> target)
    {
        var events = JsonSerializer.Deserialize(json, _eventListRead) ?? throw Corrupt("a history row");
        target.AddRange(events);
    }

    public static string? SerializeFailure(FailureDetails? failure) =>
        failure is null ? null : JsonSerializer.Serialize(failure, _failure);

    public static FailureDetails? DeserializeFailure(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, _failure);

    public static string? SerializeTags(IReadOnlyDictionary<string, string>? tags) =>
        tags is null || tags.Count == 0 ? null : JsonSerializer.Serialize(tags, _tags);

    public static IReadOnlyDictionary<string, string> DeserializeTags(string? json) =>
        json is null
            ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty
            : JsonSerializer.Deserialize(json, _tagsRead) ?? throw Corrupt("the tags of an instance");

    /// <summary>A list of strings, e.g. a human task's assignees.</summary>
    public static string SerializeStrings(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, _strings);

    public static IReadOnlyList<string> DeserializeStrings(string json) =>
        JsonSerializer.Deserialize(json, _stringsRead) ?? throw Corrupt("a list of strings");

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)OrchestratorJson.Options.GetTypeInfo(typeof(T));

    private static InvalidDataException Corrupt(string what) => new($"The store holds JSON null for {what}.");
}
