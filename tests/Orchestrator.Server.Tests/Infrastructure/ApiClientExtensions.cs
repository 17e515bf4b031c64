using System.Net;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The few HTTP steps most tests repeat: send JSON text, read JSON, start an instance, wait for a status, check a problem.</summary>
public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>Starts an instance, expects 201, and returns its id.</summary>
    public static async Task<string> StartAsync(this HttpClient client, string workflow, object? input = null, object? tags = null)
    {
        var id = "t-" + Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { workflow, input, instanceId = id, tags });
        using var response = await client.PostJsonAsync("/api/instances", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Polls the instance until it has <paramref name="status"/>; returns the instance.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string instanceId, string status, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        JsonElement instance;
        do
        {
            using var response = await client.GetAsync($"/api/instances/{instanceId}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            instance = await response.ReadJsonAsync();
            if (instance.GetProperty("status").GetString() == status)
            {
                return instance;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Instance {instanceId} did not reach {status} in {timeoutSeconds} s; last seen: {instance}");
    }

    /// <summary>Asserts an RFC 7807 problem with the status and a detail, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        return problem;
    }
}
