using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// HTTP tools declared in <c>Orchestrator:Tools:Http:Endpoints:&lt;name&gt;</c>. Placeholders in the URL are filled from
/// the arguments (URL-encoded); the rest go as a JSON body (POST, PUT, PATCH) or the query (GET, DELETE), with the
/// call's <c>Idempotency-Key</c> and principal headers. Requests go through <see cref="EgressHttp"/>, so the host, the
/// port and the address connected to must pass the <see cref="HttpEgressPolicy"/>, and a redirect is a failed call.
/// </summary>
internal sealed class HttpToolSource : IToolSource
{
    private const int MaxErrorBody = 500;
    private const long MaxResponseBytes = 16 * 1024 * 1024;

    private readonly IConfiguration _configuration;
    private readonly IHttpClientFactory _clients;
    private readonly Dictionary<string, HttpToolEndpoint> _endpoints;

    public HttpToolSource(IConfiguration configuration, IHttpClientFactory clients)
    {
        _configuration = configuration;
        _clients = clients;
        _endpoints = configuration.GetSection($"{HttpToolEndpoint.Section}:Endpoints").GetChildren()
            .Select(HttpToolEndpoint.Read).ToDictionary(e => e.Name, StringComparer.Ordinal);
        Tools = [.. _endpoints.Values.Select(e => new ToolEntry(new ToolDescriptor(e.Name, e.Description, e.Schema, "http"), $"HTTP endpoint {e.Key}"))];
    }

    public IReadOnlyList<ToolEntry> Tools { get; }

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var endpoint = _endpoints[tool.Name];
        var remaining = arguments.DeepClone().AsObject();
        var uri = new Uri(FillTemplate(endpoint, remaining), UriKind.Absolute);
        var secrets = new ToolSecrets(_configuration);
        using var request = new HttpRequestMessage(endpoint.Method, endpoint.SendsBody ? uri : WithQuery(uri, remaining));
        if (endpoint.SendsBody)
        {
            request.Content = new StringContent(remaining.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (header, value) in endpoint.Headers)
        {
            var resolved = secrets.Resolve(value, $"The header '{header}' of the tool '{tool.Name}'", out var missing)
                ?? throw new ToolCallFailedException(missing!);
            if (!request.Headers.TryAddWithoutValidation(header, resolved) && request.Content?.Headers.TryAddWithoutValidation(header, resolved) != true)
            {
                throw new ToolCallFailedException($"The header '{header}' in {endpoint.Key}:Headers cannot be sent with a {endpoint.Method} request.");
            }
        }

        // The call's own headers win over configured ones of the same name.
        Set(request, "Idempotency-Key", context.IdempotencyKey);
        Set(request, "X-Orchestrator-Instance", context.InstanceId);
        Set(request, "X-Orchestrator-Agent", context.Agent);
        Set(request, "X-Orchestrator-On-Behalf-Of", context.OnBehalfOf);

        using var response = await SendAsync(request, endpoint, context.CancellationToken);
        var body = secrets.Redact(await response.Content.ReadAsStringAsync(context.CancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(endpoint, response, body);
        }

        return body.Length == 0 ? "null" : IsJson(body) ? body : JsonSerializer.Serialize(body);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpToolEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var client = _clients.CreateClient(EgressHttp.ClientName);
        client.MaxResponseContentBufferSize = MaxResponseBytes;
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (ToolEgressDeniedException ex)
        {
            throw new ToolEgressDeniedException($"The tool '{endpoint.Name}' may not reach {request.RequestUri!.Scheme}://{request.RequestUri.Authority}: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ToolUnavailableException($"The tool '{endpoint.Name}' could not reach {request.RequestUri!.Host}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolUnavailableException($"The tool '{endpoint.Name}' got no answer from {request.RequestUri!.Host} in time.", ex);
        }
    }

    private static string FillTemplate(HttpToolEndpoint endpoint, JsonObject remaining) =>
        HttpToolEndpoint.Placeholder().Replace(endpoint.Url, match =>
        {
            var name = match.Groups[1].Value;
            if (!remaining.TryGetPropertyValue(name, out var value) || value is null)
            {
                throw new ToolArgumentsException($"The tool '{endpoint.Name}' needs the argument '{name}' for its URL.");
            }

            remaining.Remove(name);
            return Uri.EscapeDataString(Text(value));
        });

    private static Uri WithQuery(Uri uri, JsonObject arguments)
    {
        var pairs = arguments
            .Where(a => a.Value is not null)
            .SelectMany(a => a.Value is JsonArray items ? items.Where(i => i is not null).Select(i => (a.Key, Value: i!)) : [(a.Key, Value: a.Value!)])
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(Text(p.Value))}")
            .ToList();
        if (pairs.Count == 0)
        {
            return uri;
        }

        var query = string.Join("&", pairs);
        return new UriBuilder(uri) { Query = uri.Query.Length > 1 ? uri.Query[1..] + "&" + query : query }.Uri;
    }

    /// <summary>A string argument as itself; anything else as its JSON text.</summary>
    private static string Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static void Set(HttpRequestMessage request, string header, string? value)
    {
        request.Headers.Remove(header);
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    /// <summary>408, 429 and 5xx may pass (retryable, honouring Retry-After); any other status will not.</summary>
    private static Exception Failure(HttpToolEndpoint endpoint, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var text = body.Length <= MaxErrorBody ? body : body[..MaxErrorBody] + "…";
        var message = $"The tool '{endpoint.Name}' got HTTP {status} {response.ReasonPhrase} from {endpoint.Method} {endpoint.Url}: {text}";
        return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500
            ? new ToolUnavailableException(message, RetryAfter(response.Headers.RetryAfter))
            : new ToolCallFailedException(message);
    }

    private static TimeSpan RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => TimeSpan.Zero,
    };

    private static bool IsJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
