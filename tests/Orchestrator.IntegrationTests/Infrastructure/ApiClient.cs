using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>The HTTP API as a test uses it: thin, with the status code checked on every call.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<string> StartAsync(string workflow, object? input, string? instanceId = null)
    {
        using var response = await _http.PostAsJsonAsync("/api/instances", new { workflow, input, instanceId });
        await EnsureAsync(response, HttpStatusCode.Created, HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("instanceId").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string instanceId)
    {
        using var response = await _http.GetAsync(new Uri($"/api/instances/{Uri.EscapeDataString(instanceId)}", UriKind.Relative));
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> HistoryAsync(string instanceId)
    {
        using var response = await _http.GetAsync(new Uri($"/api/instances/{Uri.EscapeDataString(instanceId)}/history", UriKind.Relative));
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task RaiseAsync(string instanceId, string eventName, object? payload)
    {
        using var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/api/instances/{Uri.EscapeDataString(instanceId)}/events/{eventName}", UriKind.Relative), content);
        await EnsureAsync(response, HttpStatusCode.Accepted);
    }

    public async Task<JsonElement> ApprovalAsync(string taskId)
    {
        using var response = await _http.GetAsync(new Uri($"/api/approvals/{Uri.EscapeDataString(taskId)}", UriKind.Relative));
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The first pending task the caller may decide, once there is one.</summary>
    public async Task<JsonElement> WaitForPendingApprovalAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await _http.GetAsync(new Uri("/api/approvals?status=pending", UriKind.Relative));
            await EnsureAsync(response, HttpStatusCode.OK);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No pending approval appeared in {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task<int> CountAsync(string status)
    {
        var total = 0;
        string? cursor = null;
        do
        {
            var url = $"/api/instances?status={status}&limit=500" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));
            await EnsureAsync(response, HttpStatusCode.OK);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            total += page.GetProperty("items").GetArrayLength();
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return total;
    }

    public async Task<JsonElement> WaitForStatusAsync(string instanceId, Func<string, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var instance = await GetAsync(instanceId);
            var status = instance.GetProperty("status").GetString()!;
            if (accept(status))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} is still {status} after {timeout}: {instance}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reads any API path; expects 200 and returns the body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts JSON text to any API path; expects 200 (or one of <paramref name="expected"/>) and returns the body.</summary>
    public async Task<JsonElement> PostJsonAsync(string path, string json, params HttpStatusCode[] expected)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        await EnsureAsync(response, expected.Length == 0 ? [HttpStatusCode.OK] : expected);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
