using System.Reflection;
using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Testing;
using Orchestrator.Workflows.ResearchReport;

namespace Orchestrator.Workflows.Tests.AgentSamples;

public sealed class ResearchReportTests : IDisposable
{
    private static readonly string McpServer = typeof(ResearchReportTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "McpServerDll").Value!;

    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ResearchReport_ThreeResearchersInParallel_ThenTheWriterMerges()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.Reply("- finding A (source: Acme)"),
            ScriptedReply.Reply("- finding B (source: P-42)"),
            ScriptedReply.Reply("- finding C (source: legal wiki)"),
            ScriptedReply.Reply("# Report\nSummary: A, B and C."));
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, agents) =>
            {
                o.AddWorkflowsFrom(typeof(SamplesAssembly).Assembly);
                agents.AddToolsFrom(typeof(SamplesAssembly).Assembly);
            },
            model,
            new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Mcp:library:Command"] = "dotnet",
                ["Orchestrator:Tools:Mcp:library:Arguments:0"] = McpServer,
            });

        var done = await host.RunAsync(ResearchReportWorkflow.Name, new ResearchRequest("home espresso machines"), timeoutSeconds: 60);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage ?? done.Error?.ErrorMessage);
        var result = OrchestratorJson.Deserialize<ResearchReportResult>(done.Output)!;
        result.Report.Should().StartWith("# Report");
        result.Research.Select(r => r.Agent).Should().BeEquivalentTo(["researcher-market", "researcher-literature", "researcher-risks"]);
        (await host.Client.ListInstancesAsync(new InstanceQuery { ParentInstanceId = done.InstanceId })).Items.Should().HaveCount(4);
        model.Requests.Should().Contain(r => r.Tools.Contains("mcp_library_search_papers"), "the literature researcher is offered the MCP library's tools");
        model.Requests[^1].Body.GetRawText().Should().Contain("finding A").And.Contain("finding B").And.Contain("finding C");
    }
}
