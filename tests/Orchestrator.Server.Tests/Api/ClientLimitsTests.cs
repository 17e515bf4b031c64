using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>
/// Guessing is bounded, even when the guesses arrive at once, and so is what anonymous callers write to the audit trail.
/// Each test has a server of its own with small limits (every test client calls from 127.0.0.1).
/// </summary>
public sealed class ClientLimitsTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-limits-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SignIn_ManyWrongPasswordsAtOnce_ExactlyTheUserLimitAreChecked()
    {
        await using var app = await StartAsync(perAddress: 100, perUser: 3);
        using var http = Client(app, key: null);
        var body = JsonSerializer.Serialize(new { user = TestUsers.Viewer, password = "guess" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => http.PostJsonAsync("/api/session", body)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).Should().Be(3);
        answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(9);
        foreach (var throttled in answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests))
        {
            await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    [Fact]
    public async Task WrongBearerKeys_PastTheAddressLimit_Are429WithRetryAfterAndRecorded()
    {
        await using (var app = await StartAsync(perAddress: 4, perUser: 10))
        {
            for (var i = 0; i < 4; i++)
            {
                using var wrong = await Client(app, "wrong-key-" + i).GetAsync("/api/workflows");
                wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            using var throttled = await Client(app, "wrong-key-4").GetAsync("/api/workflows");
            using var rightKeyToo = await Client(app, TestUsers.KeyOf(TestUsers.Viewer)).GetAsync("/api/workflows");
            using var health = await Client(app, "wrong-key-5").GetAsync("/api/health");

            var problem = await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("detail").GetString().Should().Contain("try again in");
            throttled.Headers.RetryAfter!.Delta.Should().BePositive();
            await rightKeyToo.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            health.StatusCode.Should().Be(HttpStatusCode.OK, "health needs no key");
            await app.StopAsync();
        }

        // A new server on the same data folder reads what the first one recorded, from a fresh address budget.
        await using var reader = await StartAsync(perAddress: 4, perUser: 10);
        var records = await AuditAsync(reader, "actor=anonymous");
        records.Count(r => r.GetProperty("details").GetProperty("status").GetInt32() == 401).Should().Be(4);
        records.Where(r => r.GetProperty("details").GetProperty("status").GetInt32() == 429).Should().HaveCount(2)
            .And.AllSatisfy(r => r.GetProperty("outcome").GetString().Should().Be("denied"));
    }

    [Fact]
    public async Task SameWrongKey_PastThePerKeyLimit_Is429WhileOtherKeysAreStillChecked()
    {
        await using var app = await StartAsync(perAddress: 100, perUser: 3);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await Client(app, "one-guessed-key").GetAsync("/api/workflows");
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var again = await Client(app, "one-guessed-key").GetAsync("/api/workflows");
        using var other = await Client(app, TestUsers.KeyOf(TestUsers.Viewer)).GetAsync("/api/workflows");

        await again.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnonymousFlood_WritesItsBudgetInFullThenOneSummaryWithTheCount()
    {
        var longId = new string('x', 5000);
        await using (var app = await StartAsync(perAddress: 100, perUser: 5, anonymousRecords: 2))
        {
            using var http = Client(app, key: null);
            for (var i = 0; i < 10; i++)
            {
                using var refused = await http.PostAsync($"/api/instances/{longId}/terminate", content: null);
                refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            // Stopping writes the summary of the minute that is not over yet.
            await app.StopAsync();
        }

        await using var reader = await StartAsync(perAddress: 100, perUser: 5, anonymousRecords: 2);
        var records = await AuditAsync(reader, "actor=anonymous");

        var full = records.Where(r => r.GetProperty("action").GetString() == "instance.terminate").ToList();
        full.Should().HaveCount(2);
        full.Should().AllSatisfy(r =>
        {
            r.GetProperty("target").GetString()!.Length.Should().BeLessThanOrEqualTo(256);
            r.GetProperty("details").GetProperty("path").GetString()!.Length.Should().BeLessThanOrEqualTo(256);
            r.GetProperty("details").GetProperty("address").GetString().Should().Be("127.0.0.1");
        });
        var summary = records.Should().ContainSingle(r => r.GetProperty("action").GetString() == "http.anonymous-calls").Subject;
        summary.GetProperty("target").GetString().Should().Be("address:127.0.0.1");
        summary.GetProperty("details").GetProperty("count").GetInt32().Should().Be(8);
        summary.GetProperty("details").GetProperty("outcomes").GetProperty("denied").GetInt32().Should().Be(8);
        records.Sum(r => r.GetRawText().Length).Should().BeLessThan(4 * 1024, "no record carries the long path");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static HttpClient Client(WebApplication app, string? key)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(app.Urls.Single()) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async Task<List<JsonElement>> AuditAsync(WebApplication app, string query)
    {
        using var response = await Client(app, TestUsers.KeyOf(TestUsers.Admin)).GetAsync("/api/audit?limit=500&" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private async Task<WebApplication> StartAsync(int perAddress, int perUser, int anonymousRecords = 1000)
    {
        var app = ServerFixture.CreateApp(_dataDir, new Dictionary<string, string?>
        {
            ["Orchestrator:Limits:CredentialFailuresPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orchestrator:Limits:CredentialFailuresPerUser"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orchestrator:Limits:AnonymousAuditRecordsPerMinute"] = anonymousRecords.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.StartAsync();
        return app;
    }
}
