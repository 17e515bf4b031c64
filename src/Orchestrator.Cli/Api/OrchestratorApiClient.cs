using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli.Api;

/// <summary>
/// Typed access to the Orchestrator HTTP API. Error statuses become <see cref="OrchestratorApiException"/>;
/// failures to get any answer become <see cref="ServerUnreachableException"/>.
/// </summary>
internal sealed class OrchestratorApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);
    private readonly HttpClient _http;
    private readonly bool _hasApiKey;

    public OrchestratorApiClient(Uri server, string? apiKey, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

        // The event stream stays open for as long as the instance runs; ordinary calls get RequestTimeout instead.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("orch", typeof(OrchestratorApiClient).Assembly.GetName().Version?.ToString(3)));
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            _hasApiKey = true;
        }
    }

    /// <summary>The server's base address, always ending with a slash.</summary>
    public Uri Server => _http.BaseAddress!;

    public Task<ApiResult<WorkflowList>> GetWorkflowsAsync(CancellationToken cancellationToken) =>
        SendAsync<WorkflowList>(HttpMethod.Get, "api/workflows", null, cancellationToken);

    public Task<ApiResult<StartInstanceResponse>> StartInstanceAsync(StartInstanceRequest request, CancellationToken cancellationToken) =>
        SendAsync<StartInstanceResponse>(HttpMethod.Post, "api/instances", JsonContent.Create(request, options: ApiJson.Options), cancellationToken);

    public Task<ApiResult<InstancePage>> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) =>
        SendAsync<InstancePage>(HttpMethod.Get, "api/instances" + query.ToQueryString(), null, cancellationToken);

    public Task<ApiResult<InstanceDetail>> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        SendAsync<InstanceDetail>(HttpMethod.Get, InstancePath(instanceId), null, cancellationToken);

    public Task<ApiResult<InstanceHistory>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        SendAsync<InstanceHistory>(HttpMethod.Get, InstancePath(instanceId) + "/history", null, cancellationToken);

    /// <summary>Raises an external event (a missing payload is sent as JSON <c>null</c>); returns the server's body, which may be empty.</summary>
    public async Task<string> RaiseEventAsync(string instanceId, string eventName, JsonElement? payload, CancellationToken cancellationToken)
    {
        var path = $"{InstancePath(instanceId)}/events/{Uri.EscapeDataString(eventName)}";
        var content = new StringContent(payload?.GetRawText() ?? "null", Encoding.UTF8, "application/json");
        var (body, _) = await SendRawAsync(HttpMethod.Post, path, content, cancellationToken);
        return body;
    }

    /// <summary>Asks for a lifecycle operation; <paramref name="reason"/> is only sent with a terminate.</summary>
    public Task<ApiResult<OperationResponse>> ApplyOperationAsync(string instanceId, InstanceOperation operation, string? reason, CancellationToken cancellationToken)
    {
        var path = $"{InstancePath(instanceId)}/{operation.ToString().ToLowerInvariant()}";
        var content = reason is null ? null : JsonContent.Create(new { reason }, options: ApiJson.Options);
        return SendAsync<OperationResponse>(HttpMethod.Post, path, content, cancellationToken);
    }

    /// <summary>Deletes a finished instance and its history.</summary>
    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken) =>
        await SendRawAsync(HttpMethod.Delete, InstancePath(instanceId), null, cancellationToken);

    public Task<ApiResult<ApprovalList>> ListApprovalsAsync(ApprovalQuery query, CancellationToken cancellationToken) =>
        SendAsync<ApprovalList>(HttpMethod.Get, "api/approvals" + query.ToQueryString(), null, cancellationToken);

    public Task<ApiResult<ApprovalDetails>> GetApprovalAsync(string taskId, CancellationToken cancellationToken) =>
        SendAsync<ApprovalDetails>(HttpMethod.Get, ApprovalPath(taskId), null, cancellationToken);

    /// <summary>Approves or rejects a task; the answer is the decided task.</summary>
    public Task<ApiResult<ApprovalItem>> DecideAsync(string taskId, DecisionRequest decision, CancellationToken cancellationToken) =>
        SendAsync<ApprovalItem>(HttpMethod.Post, ApprovalPath(taskId) + "/decision", JsonContent.Create(decision, options: ApiJson.Options), cancellationToken);

    public Task<ApiResult<AuditPage>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        SendAsync<AuditPage>(HttpMethod.Get, "api/audit" + query.ToQueryString(), null, cancellationToken);

    public Task<ApiResult<AuditVerification>> VerifyAuditAsync(CancellationToken cancellationToken) =>
        SendAsync<AuditVerification>(HttpMethod.Get, "api/audit/verify", null, cancellationToken);

    public Task<ApiResult<UsageReport>> GetUsageAsync(UsageQuery query, CancellationToken cancellationToken) =>
        SendAsync<UsageReport>(HttpMethod.Get, "api/usage" + query.ToQueryString(), null, cancellationToken);

    public Task<ApiResult<DefinitionList>> ListDefinitionsAsync(CancellationToken cancellationToken) =>
        SendAsync<DefinitionList>(HttpMethod.Get, "api/definitions", null, cancellationToken);

    /// <summary>Imports an Elsa 3 definition (saved as the draft; published too when <paramref name="publish"/>).</summary>
    public Task<ApiResult<DefinitionImport>> ImportDefinitionAsync(string json, bool publish, CancellationToken cancellationToken) =>
        SendAsync<DefinitionImport>(
            HttpMethod.Post,
            "api/definitions/import?publish=" + (publish ? "true" : "false"),
            new StringContent(json, Encoding.UTF8, "application/json"),
            cancellationToken);

    /// <summary>The bare Elsa 3 JSON of a definition: the version asked for, else the latest version, else the draft.</summary>
    public async Task<string> ExportDefinitionAsync(string definitionId, string format, int? version, CancellationToken cancellationToken)
    {
        var path = $"api/definitions/{Uri.EscapeDataString(definitionId)}/export?format={Uri.EscapeDataString(format)}"
            + (version is { } v ? "&version=" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        var (body, _) = await SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        return body;
    }

    /// <summary>Opens the instance's server-sent event stream; the caller disposes it.</summary>
    public async Task<EventStream> OpenEventStreamAsync(string instanceId, CancellationToken cancellationToken)
    {
        var path = InstancePath(instanceId) + "/stream";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await Guard(path, cancellationToken, token => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token));
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await Guard(path, cancellationToken, response.Content.ReadAsStringAsync);
                throw ToApiException(response, body, "GET " + path);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new EventStream(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string InstancePath(string instanceId) => "api/instances/" + Uri.EscapeDataString(instanceId);

    private static string ApprovalPath(string taskId) => "api/approvals/" + Uri.EscapeDataString(taskId);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var (body, status) = await SendRawAsync(method, path, content, cancellationToken);
        return new ApiResult<T>(ApiJson.Read<T>(body), body, status);
    }

    private async Task<(string Body, HttpStatusCode Status)> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await Guard(path, cancellationToken, async token =>
        {
            using var response = await _http.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            return response.IsSuccessStatusCode
                ? (body, response.StatusCode)
                : throw ToApiException(response, body, $"{method} {path}");
        });
    }

    private OrchestratorApiException ToApiException(HttpResponseMessage response, string body, string request)
    {
        var error = OrchestratorApiException.FromResponse(response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, body, request);
        return response.StatusCode == HttpStatusCode.Unauthorized && !_hasApiKey
            ? new OrchestratorApiException(error.StatusCode, error.Message + " (pass --api-key or set ORCH_API_KEY)", error.Title)
            : error;
    }

    /// <summary>Runs one exchange under the request timeout and turns "no answer" into <see cref="ServerUnreachableException"/>.</summary>
    private async Task<T> Guard<T>(string path, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> exchange)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            return await exchange(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException($"{Server} did not answer {path} within {RequestTimeout.TotalSeconds:0} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ServerUnreachableException($"cannot reach {Server}: {ex.Message}", ex);
        }
    }
}
