using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>The audit trail over real HTTP: state-changing calls recorded with their caller and outcome, admin-only reads.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuditTests(ServerFixture server)
{
    private readonly HttpClient _admin = server.Client(TestUsers.Admin);
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task StartTerminateAndDecision_AreRecordedWithTheCallerAndOutcome()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.Approver]);
        using (var decided = await server.Client(TestUsers.Approver).PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "reject" }"""))
        {
            decided.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await _developer.WaitForStatusAsync(approval.InstanceId, "Completed");

        var other = await _developer.StartAsync("tests.await-approval", "never-created");
        using (var terminated = await _developer.PostJsonAsync($"/api/instances/{other}/terminate", """{ "reason": "not needed" }"""))
        {
            terminated.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var records = await RecordsAsync($"instanceId={approval.InstanceId}");
        records.Select(r => (Str(r, "action"), Str(r, "actor"), Str(r, "onBehalfOf"), Str(r, "outcome"))).Should().Equal(
            ("instance.start", "user:developer", null, "ok"),
            ("approval.requested", "agent:triage-agent", "user:developer", "ok"),
            ("approval.rejected", "user:approver", null, "ok"),
            ("instance.completed", "user:developer", null, "ok"));
        Str(records[0], "target").Should().Be("instance:" + approval.InstanceId);
        records[0].GetProperty("details").GetProperty("status").GetInt32().Should().Be(201);
        records[0].GetProperty("details").GetProperty("path").GetString().Should().Be("/api/instances");
        Str(records[2], "target").Should().Be("approval:" + approval.TaskId);

        var terminate = (await RecordsAsync($"instanceId={other}&action=instance.terminate")).Should().ContainSingle().Subject;
        (Str(terminate, "actor"), Str(terminate, "target"), Str(terminate, "outcome")).Should().Be(("user:developer", "instance:" + other, "ok"));
        terminate.GetProperty("details").GetRawText().Should().NotContain("not needed", "request bodies are never recorded");
        terminate.GetProperty("hash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task RefusedCalls_AreRecordedAsForbiddenDeniedConflictAndInvalid()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.Approver]);
        var viewer = server.Client(TestUsers.Viewer);
        using (var forbidden = await viewer.PostJsonAsync($"/api/instances/{approval.InstanceId}/suspend", "{}"))
        {
            forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using (var notAssignee = await server.Client(TestUsers.SecondApprover).PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "approve" }"""))
        {
            notAssignee.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using (var anonymous = await server.Client(null).PostJsonAsync($"/api/instances/{approval.InstanceId}/terminate", "{}"))
        {
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var missing = await _developer.PostJsonAsync("/api/instances/no-such-instance-for-audit/resume", "{}"))
        {
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var records = await RecordsAsync($"instanceId={approval.InstanceId}");
        records.Select(r => (Str(r, "action"), Str(r, "actor"), Str(r, "outcome"))).Should().Equal(
            ("instance.start", "user:developer", "ok"),
            ("approval.requested", "agent:triage-agent", "ok"),
            ("instance.suspend", "user:viewer", "forbidden"),
            ("approval.approved", "user:approver-2", "forbidden"),
            ("instance.terminate", "anonymous", "denied"));
        var notFound = (await RecordsAsync("instanceId=no-such-instance-for-audit")).Should().ContainSingle().Subject;
        (Str(notFound, "action"), Str(notFound, "outcome")).Should().Be(("instance.resume", "invalid"));
        notFound.GetProperty("details").GetProperty("status").GetInt32().Should().Be(404);
    }

    [Fact]
    public async Task CsrfRefusal_IsRecordedAsForbiddenForTheSessionsUser()
    {
        var session = await server.SignInAsync(TestUsers.Developer);
        var id = "csrf-audit-" + Guid.NewGuid().ToString("N");

        using (var refused = await session.Client.PostAsync($"/api/instances/{id}/suspend", content: null))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var record = (await RecordsAsync($"instanceId={id}")).Should().ContainSingle().Subject;
        (Str(record, "action"), Str(record, "actor"), Str(record, "outcome")).Should().Be(("instance.suspend", "user:developer", "forbidden"));
        record.GetProperty("details").GetProperty("status").GetInt32().Should().Be(403);
    }

    [Fact]
    public async Task RefusedRead_IsRecordedWithItsPath()
    {
        var path = "/api/audit/verify";
        var before = DateTime.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using (var refused = await server.Client(TestUsers.Approver).GetAsync(path + "?marker=" + Guid.NewGuid().ToString("N")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var record = (await RecordsAsync($"actor=user:approver&action=http.GET&from={Uri.EscapeDataString(before)}"))
            .Where(r => r.GetProperty("details").GetProperty("path").GetString() == path).Should().ContainSingle().Subject;
        (Str(record, "outcome"), record.GetProperty("details").GetProperty("status").GetInt32()).Should().Be(("forbidden", 403));
        record.GetRawText().Should().NotContain("marker", "queries are never recorded");
    }

    [Fact]
    public async Task SignIn_SuccessAndFailure_AreRecordedForTheUserWithoutThePassword()
    {
        var anonymous = server.Client(null);
        var wrong = TestUsers.PasswordOf(TestUsers.Analyst) + "-wrong";
        using (var failed = await anonymous.PostJsonAsync("/api/session", $$"""{ "user": "{{TestUsers.Analyst}}", "password": "{{wrong}}" }"""))
        {
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var signedIn = await anonymous.PostJsonAsync(
            "/api/session", $$"""{ "user": "{{TestUsers.Analyst}}", "password": "{{TestUsers.PasswordOf(TestUsers.Analyst)}}" }"""))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var records = (await RecordsAsync("action=session.signin"))
            .Where(r => Str(r, "target") == "user:" + TestUsers.Analyst).TakeLast(2).ToList();
        records.Select(r => (Str(r, "actor"), Str(r, "outcome"))).Should().Equal(("anonymous", "denied"), ("user:" + TestUsers.Analyst, "ok"));
        records.Should().OnlyContain(r => !r.GetRawText().Contains(wrong) && !r.GetRawText().Contains(TestUsers.PasswordOf(TestUsers.Analyst)));
    }

    [Theory]
    [InlineData(TestUsers.Viewer, "/api/audit")]
    [InlineData(TestUsers.Developer, "/api/audit")]
    [InlineData(TestUsers.Approver, "/api/audit/verify")]
    public async Task Audit_NonAdmin_Is403(string user, string path)
    {
        using var response = await server.Client(user).GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2025-02-01&to=2025-01-01", "range")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("actor=a&actor=b", "actor")]
    public async Task Audit_BadFilter_Is400ProblemNamingIt(string query, string named)
    {
        using var response = await _admin.GetAsync("/api/audit?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(named);
    }

    [Fact]
    public async Task Audit_Paging_ReturnsNewestFirstWithACursorToOlderRecords()
    {
        await _developer.StartAsync("tests.await-approval", "paging-1");
        await _developer.StartAsync("tests.await-approval", "paging-2");

        using var first = await _admin.GetAsync("/api/audit?action=instance.start&actor=user:developer&limit=1");
        var page1 = await first.ReadJsonAsync();
        var cursor = page1.GetProperty("nextCursor").GetString();
        cursor.Should().NotBeNull();
        using var second = await _admin.GetAsync($"/api/audit?action=instance.start&actor=user:developer&limit=1&cursor={cursor}");
        var page2 = await second.ReadJsonAsync();

        var newest = page1.GetProperty("items")[0].GetProperty("sequence").GetInt64();
        page2.GetProperty("items")[0].GetProperty("sequence").GetInt64().Should().BeLessThan(newest);
    }

    [Fact]
    public async Task Verify_RecordEditedInTheDatabaseFile_ReportsThatRecord()
    {
        // Its own server: tampering with the shared one would break the chain for every other test.
        var own = new ServerFixture();
        await own.InitializeAsync();
        try
        {
            var developer = own.Client(TestUsers.Developer);
            for (var i = 0; i < 3; i++)
            {
                await developer.StartAsync("tests.await-approval", "tamper-" + i);
            }

            var admin = own.Client(TestUsers.Admin);
            var intact = await (await admin.GetAsync("/api/audit/verify")).ReadJsonAsync();
            intact.GetProperty("ok").GetBoolean().Should().BeTrue();
            var count = intact.GetProperty("records").GetInt64();
            count.Should().BeGreaterThanOrEqualTo(3);

            using (var connection = new SqliteConnection($"Data Source={Path.Combine(own.DataDir, "orchestrator.db")};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'user:someone-else' WHERE seq = 2;";
                command.ExecuteNonQuery();
            }

            var broken = await (await admin.GetAsync("/api/audit/verify")).ReadJsonAsync();
            broken.GetProperty("ok").GetBoolean().Should().BeFalse();
            broken.GetProperty("firstBrokenAt").GetInt64().Should().Be(2);
            broken.GetProperty("records").GetInt64().Should().BeGreaterThanOrEqualTo(count);
            broken.GetProperty("reason").GetString().Should().Contain("Record 2");
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private async Task<List<JsonElement>> RecordsAsync(string query)
    {
        using var response = await _admin.GetAsync("/api/audit?limit=500&" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.ReadJsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Reverse()];
    }

    private static string? Str(JsonElement record, string property) => record.GetProperty(property).GetString();
}
