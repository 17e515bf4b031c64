using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>Case-insensitive property lookup, for documents written in camelCase or PascalCase.</summary>
public static class JsonObjectKeys
{
    /// <summary>The value of a property whose name matches without regard to case; an exact match wins.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or null.</returns>
    public static JsonNode? Find(this JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        var key = obj.FindKey(name);
        return key is null ? null : obj[key];
    }

    /// <summary>The actual key of a property whose name matches without regard to case, or null.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The key as written, or null.</returns>
    public static string? FindKey(this JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        foreach (var (key, _) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }
}
