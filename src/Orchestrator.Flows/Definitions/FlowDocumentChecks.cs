using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Definitions;

/// <summary>The checks that refuse a document outright (before validation), and the comparison of two versions.</summary>
internal static class FlowDocumentChecks
{
    /// <summary>Top-level properties that differ between versions of the same content.</summary>
    private static readonly string[] VersionKeys = ["id", "version", "isPublished", "isLatest", "createdAt", "publishedAt"];

    /// <summary>The ids used by more than one activity, in document order.</summary>
    public static IReadOnlyList<string> DuplicateIds(FlowDocument doc) =>
        [.. doc.Root.Activities.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];

    /// <summary>The activity types that do not run here, sorted.</summary>
    public static IReadOnlyList<string> UnsupportedTypes(FlowDocument doc) =>
        [.. doc.Root.Activities.Select(a => a.Type).Where(t => !FlowActivityTypes.Runnable.Contains(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Refuses a document with duplicate activity ids.</summary>
    public static void RefuseDuplicateIds(FlowDocument doc)
    {
        if (DuplicateIds(doc) is { Count: > 0 } duplicates)
        {
            throw new FlowDefinitionException(
                FlowDefinitionError.Unreadable,
                $"Activity ids must be unique in a flow; these are used more than once: {string.Join(", ", duplicates)}. Give each node its own id.");
        }
    }

    /// <summary>Whether two documents have the same content, whatever their version numbers and ids.</summary>
    public static bool SameContent(FlowDocument a, FlowDocument b) => Canonical(a) == Canonical(b);

    /// <summary>The document as JSON text without the properties that name a version.</summary>
    public static string Canonical(FlowDocument doc)
    {
        var json = ElsaJson.ToJson(doc);
        foreach (var key in VersionKeys)
        {
            if (json.FindKey(key) is { } found)
            {
                json.Remove(found);
            }
        }

        return json.ToJsonString();
    }

    /// <summary>Reads a definition, turning a format error into a refusal.</summary>
    public static FlowDocument Read(string json)
    {
        try
        {
            return ElsaJson.Read(json);
        }
        catch (Exception e) when (e is FlowFormatException or InvalidOperationException or FormatException)
        {
            throw new FlowDefinitionException(FlowDefinitionError.Unreadable, e is FlowFormatException ? e.Message : $"The definition has a field of the wrong shape: {e.Message}");
        }
    }
}
