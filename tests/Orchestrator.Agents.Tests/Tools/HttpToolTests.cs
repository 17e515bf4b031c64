using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

public sealed class HttpToolTests : IDisposable
{
    private const string Secret = "Bearer s3cr3t-billing-token";
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Post_FillsTheUrlTemplate_SendsTheRestAsBody_WithKeyPrincipalAndSecretHeaders()
    {
        await using var billing = await ToolTestEndpoint.StartAsync((http, _) => http.Response.WriteAsJsonAsync(new
        {
            refunded = 12.5,
            echoedAuthorization = http.Request.Headers.Authorization.ToString(),
        }));
        await using var tools = ToolHost.Create(Refund(billing, "BILLING_TOKEN", new() { ["Orchestrator:Secrets:BILLING_TOKEN"] = Secret }));

        var result = await tools.InvokeAsync("billing.http-refund", """{"orderId":"A/7 b","amount":12.5,"reason":"damaged"}""");

        var request = billing.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/orders/A%2F7%20b/refunds");
        JsonDocument.Parse(request.Body).RootElement.GetRawText().Should().Be("""{"amount":12.5,"reason":"damaged"}""");
        request.Headers["Idempotency-Key"].Should().Be("inst-1:4");
        request.Headers["X-Orchestrator-Instance"].Should().Be("inst-1");
        request.Headers["X-Orchestrator-Agent"].Should().Be("support");
        request.Headers["X-Orchestrator-On-Behalf-Of"].Should().Be("alice");
        request.Headers["Authorization"].Should().Be(Secret, "the secret is resolved at call time");
        JsonDocument.Parse(result).RootElement.GetProperty("refunded").GetDecimal().Should().Be(12.5m);
        result.Should().NotContain("s3cr3t", "a secret the endpoint echoes back is cut out of the result");
    }

    [Fact]
    public async Task Post_FromAWorkflow_CarriesTheStepsIdempotencyKey_AndTheSecretStaysOutOfHistory()
    {
        await using var billing = await ToolTestEndpoint.StartAsync((http, _) => http.Response.WriteAsJsonAsync(new { ok = true }));
        Environment.SetEnvironmentVariable("ORCH_TEST_BILLING_TOKEN", Secret);
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, _) => o.AddWorkflow<string, JsonElement>("test.http", (ctx, order) => ctx.CallToolAsync("billing.http-refund", new { orderId = order, amount = 5 })),
            settings: Refund(billing, secret: "ORCH_TEST_BILLING_TOKEN"));

        var done = await host.RunAsync("test.http", "A-7");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var request = billing.Requests.Single();
        request.Headers["Idempotency-Key"].Should().Be($"{done.InstanceId}:0");
        request.Headers["X-Orchestrator-On-Behalf-Of"].Should().Be("alice");
        request.Headers["Authorization"].Should().Be(Secret, "without Orchestrator:Secrets:NAME the environment variable NAME is used");
        Environment.SetEnvironmentVariable("ORCH_TEST_BILLING_TOKEN", null);
        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        history.Select(e => JsonSerializer.Serialize(e, OrchestratorJson.Options)).Should().NotContain(e => e.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_SendsTheRestAsAnEncodedQuery_AndAPlainTextAnswerBecomesAJsonString()
    {
        await using var crm = await ToolTestEndpoint.StartAsync((http, _) => http.Response.WriteAsync("3 open orders"));
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:crm.orders:Method"] = "get",
            ["Orchestrator:Tools:Http:Endpoints:crm.orders:Url"] = crm.BaseUrl + "customers/{customerId}/orders?source=agent",
        });

        var result = await tools.InvokeAsync("crm.orders", """{"customerId":"ada lovelace","status":"open & late","tags":["vip","eu"]}""");

        var request = crm.Requests.Single();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/customers/ada%20lovelace/orders?source=agent&status=open%20%26%20late&tags=vip&tags=eu");
        request.Body.Should().BeEmpty();
        JsonSerializer.Deserialize<string>(result).Should().Be("3 open orders");
    }

    [Fact]
    public async Task Find_HttpTool_SchemaFromConfigurationObject_OrElseFromTheUrlPlaceholders()
    {
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Url"] = "http://127.0.0.1:9/notes",
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Description"] = "Adds a note.",
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Schema:type"] = "object",
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Schema:properties:text:type"] = "string",
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Schema:properties:text:maxLength"] = "500",
            ["Orchestrator:Tools:Http:Endpoints:crm.note:Schema:required:0"] = "text",
            ["Orchestrator:Tools:Http:Endpoints:crm.order:Url"] = "http://127.0.0.1:9/orders/{orderId}",
        });

        var note = (await tools.Registry.FindAsync("crm.note"))!;
        var order = (await tools.Registry.FindAsync("crm.order"))!;

        note.Kind.Should().Be("http");
        note.Description.Should().Be("Adds a note.");
        JsonNode.DeepEquals(JsonNode.Parse(note.Parameters.GetRawText()), JsonNode.Parse("""{"type":"object","properties":{"text":{"type":"string","maxLength":500}},"required":["text"]}"""))
            .Should().BeTrue(note.Parameters.GetRawText());
        order.Parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("orderId");
        await tools.Invoking(t => t.InvokeAsync("crm.note", """{"subject":"x"}"""))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'text'*");
    }

    [Fact]
    public async Task Status400_IsNotRetried_AndTheErrorCarriesStatusAndBody_ButNotTheSecret()
    {
        await using var billing = await ToolTestEndpoint.StartAsync(async (http, _) =>
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync($"amount exceeds the order total (request had {http.Request.Headers.Authorization})");
        });
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, _) => o.AddWorkflow<string, JsonElement>("test.http", (ctx, order) =>
                ctx.CallToolAsync("billing.http-refund", new { orderId = order, amount = 5000 }, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10) })),
            settings: Refund(billing, "BILLING_TOKEN", new() { ["Orchestrator:Secrets:BILLING_TOKEN"] = Secret }));

        var failed = await host.RunAsync("test.http", "A-7");

        failed.Status.Should().Be(InstanceStatus.Failed);
        var failure = failed.Error!.InnerFailure!;
        failure.ErrorType.Should().Be(typeof(ToolCallFailedException).FullName);
        failure.IsNonRetriable.Should().BeTrue();
        failure.ErrorMessage.Should().Contain("400").And.Contain("amount exceeds the order total").And.NotContain("s3cr3t");
        billing.Requests.Should().ContainSingle("a 4xx cannot be fixed by retrying");
    }

    [Fact]
    public async Task Status500_IsRetriedWhenTheCallerOptsIn_WithTheSameIdempotencyKey()
    {
        await using var billing = await ToolTestEndpoint.StartAsync(async (http, n) =>
        {
            http.Response.StatusCode = n < 3 ? 500 : 200;
            await http.Response.WriteAsJsonAsync(n < 3 ? new { error = "database busy" } : (object)new { refunded = 5 });
        });
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, _) => o.AddWorkflow<string, JsonElement>("test.http", (ctx, order) =>
                ctx.CallToolAsync("billing.http-refund", new { orderId = order, amount = 5 }, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10) })),
            settings: Refund(billing));

        var done = await host.RunAsync("test.http", "A-7");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        billing.Requests.Select(r => r.Headers["Idempotency-Key"]).Should().Equal(Enumerable.Repeat($"{done.InstanceId}:0", 3));
    }

    [Fact]
    public async Task Status429_IsRetryable_AndCarriesTheRequestedDelay()
    {
        await using var billing = await ToolTestEndpoint.StartAsync(async (http, _) =>
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "7";
            await http.Response.WriteAsync("slow down");
        });
        await using var tools = ToolHost.Create(Refund(billing));

        var error = (await tools.Invoking(t => t.InvokeAsync("billing.http-refund", """{"orderId":"A-7","amount":1}""")).Should().ThrowAsync<ToolUnavailableException>()).Which;

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        error.Message.Should().Contain("429").And.Contain("slow down");
        error.Should().NotBeAssignableTo<NonRetriableException>();
    }

    [Fact]
    public async Task Call_SecretThatIsNotSet_FailsNamingWhereToSetIt()
    {
        await using var billing = await ToolTestEndpoint.StartAsync((http, _) => http.Response.WriteAsJsonAsync(new { ok = true }));
        await using var tools = ToolHost.Create(Refund(billing, secret: "ORCH_TEST_UNSET_SECRET"));

        await tools.Invoking(t => t.InvokeAsync("billing.http-refund", """{"orderId":"A-7","amount":1}"""))
            .Should().ThrowAsync<ToolCallFailedException>().WithMessage("*Orchestrator:Secrets:ORCH_TEST_UNSET_SECRET*environment variable ORCH_TEST_UNSET_SECRET*");
        billing.Requests.Should().BeEmpty();
    }

    private static Dictionary<string, string?> Refund(ToolTestEndpoint billing, string? secret = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Url"] = billing.BaseUrl + "orders/{orderId}/refunds",
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Description"] = "Refunds an order.",
            ["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Schema"] =
                """{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"},"reason":{"type":"string"}},"required":["orderId","amount"]}""",
        };
        if (secret is not null)
        {
            settings["Orchestrator:Tools:Http:Endpoints:billing.http-refund:Headers:Authorization"] = $"secret:{secret}";
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
