using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// The step of an <c>Elsa.FlowSendHttpRequest</c> node: one HTTP request with the call's
/// <c>Idempotency-Key: &lt;instanceId&gt;:&lt;taskId&gt;</c>, through the egress client of HTTP tools
/// (<see cref="EgressHttp"/>): only to hosts, ports and addresses inside <c>Orchestrator:Tools:Http:AllowedHosts</c>
/// (a refusal fails the node), and a redirect is the response, never followed. No response (cannot connect, too
/// slow) is a result, not a failure, so the flow can follow its <c>Failed to connect</c> / <c>Timeout</c> ports.
/// </summary>
[Activity(Name)]
internal sealed class FlowHttpActivity(IHttpClientFactory clients) : Activity<FlowHttpRequest, FlowHttpResponse>
{
    public const string Name = "flow.http";
    public const int MaxResponseBytes = 4 * 1024 * 1024;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    public override async Task<FlowHttpResponse> RunAsync(ActivityContext context, FlowHttpRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new NonRetriableException($"The HTTP request of node '{input.NodeId}' has no absolute http(s) URL: '{input.Url}'.");
        }

        using var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrWhiteSpace(input.Method) ? "GET" : input.Method.ToUpperInvariant()), uri);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        if (!string.IsNullOrEmpty(input.Authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", input.Authorization);
        }

        foreach (var (name, value) in input.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (input.Content is not null)
        {
            request.Content = new StringContent(input.Content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(input.ContentType ?? "application/json", out var type)
                ? type
                : new MediaTypeHeaderValue("application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var client = clients.CreateClient(EgressHttp.ClientName);
        client.MaxResponseContentBufferSize = MaxResponseBytes;
        client.Timeout = Timeout.InfiniteTimeSpan; // the activity's own limit applies, so a slow host becomes the Timeout outcome
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            return new FlowHttpResponse((int)response.StatusCode, Parse(body), headers, null, null);
        }
        catch (OperationCanceledException ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            return new FlowHttpResponse(null, null, new Dictionary<string, string>(), "Timeout", $"No response from {Shown(uri)} within {RequestTimeout.TotalSeconds:0} s: {ex.Message}");
        }
        catch (ToolEgressDeniedException ex)
        {
            throw new ToolEgressDeniedException($"The HTTP request of node '{input.NodeId}' may not reach {uri.Scheme}://{uri.Authority}: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            return new FlowHttpResponse(null, null, new Dictionary<string, string>(), "Failed to connect", $"Could not reach {Shown(uri)}: {ex.Message}");
        }
    }

    /// <summary>The URL for a message: scheme, host, port and path; never user-info or the query, which may carry secrets.</summary>
    private static string Shown(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";

    private static JsonElement? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(body);
        }
    }
}
