using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// HTTP tools declared in <c>Orchestrator:Tools:Http:Endpoints:&lt;name&gt;</c> (Method, Url with {arg} placeholders,
/// Description, Schema, Headers with <c>secret:NAME</c> references). Only hosts in
/// <c>Orchestrator:Tools:Http:AllowedHosts</c> (default: loopback) may be reached.
/// </summary>
internal sealed partial class HttpToolSource(IConfiguration configuration, IHttpClientFactory clients) : IToolSource
{
    private const string Section = "Orchestrator:Tools:Http";
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    public Task<IReadOnlyList<ToolDescriptor>> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ToolDescriptor>>([.. configuration.GetSection($"{Section}:Endpoints").GetChildren().Select(tool =>
            new ToolDescriptor(tool.Key, tool["Description"], Schema(tool), "http"))]);

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var section = configuration.GetSection($"{Section}:Endpoints:{tool.Name}");
        var method = new HttpMethod((section["Method"] ?? "POST").ToUpperInvariant());
        var remaining = (JsonObject)arguments.DeepClone();
        var url = Placeholder().Replace(section["Url"] ?? throw new ToolArgumentsException($"Set {Section}:Endpoints:{tool.Name}:Url."), m =>
        {
            var name = m.Groups[1].Value;
            var value = remaining[name]?.ToString() ?? throw new ToolArgumentsException($"The tool '{tool.Name}' needs the argument '{name}' for its URL.");
            remaining.Remove(name);
            return Uri.EscapeDataString(value);
        });
        var uri = new Uri(url, UriKind.Absolute);
        EnsureAllowed(uri, tool.Name);

        using var request = new HttpRequestMessage(method, method == HttpMethod.Get || method == HttpMethod.Delete ? WithQuery(uri, remaining) : uri);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = JsonContent.Create(remaining);
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        request.Headers.TryAddWithoutValidation("X-Orchestrator-Instance", context.InstanceId);
        AddIfPresent(request, "X-Orchestrator-Agent", context.Agent);
        AddIfPresent(request, "X-Orchestrator-On-Behalf-Of", context.OnBehalfOf);
        foreach (var header in section.GetSection("Headers").GetChildren())
        {
            request.Headers.TryAddWithoutValidation(header.Key, ResolveSecret(header.Value ?? string.Empty, tool.Name, header.Key));
        }

        using var response = await clients.CreateClient("orchestrator-tools").SendAsync(request, context.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var message = $"The tool '{tool.Name}' got {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body)}";
            throw response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500
                ? new HttpRequestException(message, null, response.StatusCode)
                : new NonRetriableException(message);
        }

        return IsJson(body) ? body : JsonSerializer.Serialize(body);
    }

    private void EnsureAllowed(Uri uri, string tool)
    {
        var allowed = configuration.GetSection($"{Section}:AllowedHosts").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (allowed.Count == 0)
        {
            allowed = ["127.0.0.1", "localhost", "::1", "[::1]"];
        }

        if (!allowed.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ToolEgressDeniedException(
                $"The tool '{tool}' may not reach '{uri.Host}': add it to {Section}:AllowedHosts (now: {string.Join(", ", allowed)}).");
        }
    }

    private string ResolveSecret(string value, string tool, string header)
    {
        if (!value.StartsWith("secret:", StringComparison.Ordinal))
        {
            return value;
        }

        var name = value["secret:".Length..];
        return configuration[$"Orchestrator:Secrets:{name}"] ?? configuration[name]
            ?? throw new NonRetriableException($"The header '{header}' of tool '{tool}' refers to the secret '{name}': set Orchestrator:Secrets:{name} or the environment variable {name}.");
    }

    private static JsonElement Schema(IConfigurationSection tool)
    {
        var text = tool["Schema"];
        return string.IsNullOrWhiteSpace(text) ? EmptySchema : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Uri WithQuery(Uri uri, JsonObject arguments)
    {
        if (arguments.Count == 0)
        {
            return uri;
        }

        var query = string.Join("&", arguments.Select(a => $"{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value?.ToString() ?? string.Empty)}"));
        return new UriBuilder(uri) { Query = string.IsNullOrEmpty(uri.Query) ? query : uri.Query.TrimStart('?') + "&" + query }.Uri;
    }

    private static void AddIfPresent(HttpRequestMessage request, string header, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
