using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Flows;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Workflows are shown by what people call them (a flow's title), next to the id scripts use.</summary>
[Collection(ServerCollection.Name)]
public sealed class DisplayNameTests(ServerFixture server)
{
    private readonly HttpClient _analyst = server.Client(TestUsers.Analyst);
    private readonly HttpClient _approver = server.Client(TestUsers.Approver);

    [Fact]
    public async Task Workflows_FlowsAndCodeWorkflows_HaveADisplayName()
    {
        using var response = await server.Client(TestUsers.Viewer).GetAsync("/api/workflows");

        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var refund = items.Single(i => i.GetProperty("name").GetString() == "refund-flow");
        refund.GetProperty("displayName").GetString().Should().Be("Refund request");
        items.Single(i => i.GetProperty("name").GetString() == "samples.sequence").GetProperty("displayName").GetString()
            .Should().Be("samples.sequence", "a code workflow is called by its name");
    }

    [Fact]
    public async Task FlowWithAGeneratedId_InstancesAndApprovals_CarryTheFlowsTitle()
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        using (var imported = await _analyst.PostJsonAsync("/api/definitions/import?publish=true", FlowJson.ApprovalOrEvent(id, "skip").Replace("Ask or skip", "Supplier onboarding", StringComparison.Ordinal)))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        var instanceId = await server.Client(TestUsers.Developer).StartAsync(id);
        var task = await WaitForApprovalAsync(instanceId);

        task.GetProperty("workflow").GetString().Should().Be(id);
        task.GetProperty("workflowDisplayName").GetString().Should().Be("Supplier onboarding");
        var listed = (await GetAsync($"/api/instances?workflow={id}")).GetProperty("items").EnumerateArray().Single();
        (listed.GetProperty("workflow").GetString(), listed.GetProperty("workflowDisplayName").GetString()).Should().Be((id, "Supplier onboarding"));
        (await GetAsync($"/api/instances/{instanceId}")).GetProperty("workflowDisplayName").GetString().Should().Be("Supplier onboarding");
        (await GetAsync($"/api/approvals/{task.GetProperty("taskId").GetString()}")).GetProperty("workflowDisplayName").GetString()
            .Should().Be("Supplier onboarding");
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _approver.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> WaitForApprovalAsync(string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var items = (await GetAsync($"/api/approvals?instanceId={instanceId}")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].Clone();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No approval of {instanceId} appeared in 30 s.");
    }
}
