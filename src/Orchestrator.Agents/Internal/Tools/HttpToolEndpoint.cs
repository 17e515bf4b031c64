using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>One HTTP tool as configured in <c>Orchestrator:Tools:Http:Endpoints:&lt;name&gt;</c>, checked at start-up.</summary>
/// <param name="Name">The tool name (the configuration key).</param>
/// <param name="Method">GET, POST (default), PUT, PATCH or DELETE.</param>
/// <param name="Url">The URL template, with <c>{arg}</c> placeholders.</param>
/// <param name="Description">What the tool does, for the model.</param>
/// <param name="Schema">The JSON schema of the arguments.</param>
/// <param name="Headers">Extra headers; a value <c>secret:NAME</c> is resolved at call time.</param>
internal sealed partial record HttpToolEndpoint(
    string Name, HttpMethod Method, string Url, string? Description, JsonElement Schema, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string Section = "Orchestrator:Tools:Http";

    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    /// <summary>POST, PUT and PATCH send the arguments as a JSON body; GET and DELETE as the query string.</summary>
    public bool SendsBody => Method != HttpMethod.Get && Method != HttpMethod.Delete;

    public string Key => $"{Section}:Endpoints:{Name}";

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_\-]*)\}")]
    public static partial Regex Placeholder();

    public static HttpToolEndpoint Read(IConfigurationSection section)
    {
        var key = $"{Section}:Endpoints:{section.Key}";
        var method = Methods.FirstOrDefault(m => string.Equals(m.Method, section["Method"] ?? "POST", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{key}:Method is '{section["Method"]}'; use GET, POST, PUT, PATCH or DELETE.");
        var url = section["Url"];
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(Placeholder().Replace(url, "x"), UriKind.Absolute, out var sample)
            || (sample.Scheme != Uri.UriSchemeHttp && sample.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Set {key}:Url to an absolute http(s) URL (with {{arg}} placeholders if needed); it is '{url}'.");
        }

        var headers = section.GetSection("Headers").GetChildren().Select(h => KeyValuePair.Create(h.Key, h.Value ?? string.Empty)).ToList();
        return new HttpToolEndpoint(section.Key, method, url, section["Description"], ReadSchema(section.GetSection("Schema"), key, url), headers);
    }

    private static JsonElement ReadSchema(IConfigurationSection schema, string key, string url)
    {
        JsonNode? node;
        if (schema.Value is { } text && !string.IsNullOrWhiteSpace(text))
        {
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"{key}:Schema is not valid JSON: {ex.Message}", ex);
            }
        }
        else
        {
            node = schema.GetChildren().Any() ? ConfigurationJson.ToNode(schema) : FromTemplate(url);
        }

        if (node is not JsonObject json)
        {
            throw new InvalidOperationException($"{key}:Schema must be a JSON schema object, e.g. {{\"type\":\"object\",\"properties\":{{...}}}}.");
        }

        json.TryAdd("type", "object");
        return JsonSerializer.SerializeToElement(json);
    }

    /// <summary>Without a schema, the URL's placeholders are the (required) arguments.</summary>
    private static JsonObject FromTemplate(string url)
    {
        var names = Placeholder().Matches(url).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var properties = new JsonObject();
        foreach (var name in names)
        {
            properties[name] = new JsonObject { ["description"] = $"Fills {{{name}}} in the URL." };
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. names.Select(n => (JsonNode)n)]),
        };
    }
}
