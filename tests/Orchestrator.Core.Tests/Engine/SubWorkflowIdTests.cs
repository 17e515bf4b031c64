using Orchestrator.Core.Client;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>A sub-workflow whose instance id belongs to another instance fails its step; ids chosen by code are checked.</summary>
public sealed class SubWorkflowIdTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void Register(OrchestratorBuilder o)
    {
        o.AddWorkflow<string, string>("echo", (_, s) => Task.FromResult(s));
        o.AddWorkflow<string, string>("wait", (ctx, _) => ctx.WaitForExternalEventAsync<string>("go"));
        o.AddWorkflow<string?, string>("parent", async (ctx, childId) =>
        {
            try
            {
                return await ctx.CallSubWorkflowAsync<string>("echo", "hi", new SubWorkflowOptions { InstanceId = childId });
            }
            catch (WorkflowTaskFailedException ex)
            {
                return $"{ex.Failure.ErrorType}: {ex.Failure.ErrorMessage}";
            }
        });
        o.AddWorkflow<int, int>("generations", async (ctx, n) =>
        {
            var echoed = await ctx.CallSubWorkflowAsync<string>("echo", $"gen {n}");
            if (echoed != $"gen {n}")
            {
                throw new InvalidOperationException($"Generation {n} got '{echoed}'.");
            }

            if (n < 3)
            {
                ctx.ContinueAsNew(n + 1);
            }

            return n;
        });
    }

    [Fact]
    public async Task CallSubWorkflow_DefaultIdPreCreatedFromOutside_FailsTheStepNamingTheId()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        await host.Client.StartAsync(new StartWorkflowRequest("wait") { InstanceId = "p-1:0000" });

        var done = await host.RunAsync("parent", null, id: "p-1");

        done.Status.Should().Be(InstanceStatus.Completed);
        done.Output.Should().Contain(WorkflowEngine.SubWorkflowIdTakenErrorType).And.Contain("'p-1:0000'").And.Contain("already exists");
        var stranger = (await host.Client.GetInstanceAsync("p-1:0000"))!;
        stranger.Name.Should().Be("wait");
        stranger.ParentInstanceId.Should().BeNull();
        var step = (await host.Client.GetHistoryAsync("p-1")).OfType<SubOrchestrationInstanceFailed>().Should().ContainSingle().Subject;
        step.Failure.IsNonRetriable.Should().BeTrue();
    }

    [Fact]
    public async Task CallSubWorkflow_ChosenIdTaken_FailsTheStep_AndAfterARestartTheParentIsNotStuck()
    {
        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, Register))
        {
            await host.Client.StartAsync(new StartWorkflowRequest("echo") { InstanceId = "shared-id", InputJson = "\"x\"" });
            id = (await host.Client.StartAsync(new StartWorkflowRequest("parent") { InputJson = "\"shared-id\"" })).InstanceId;
            var done = await host.WaitAsync(id);
            done.Output.Should().Contain("'shared-id'");
        }

        await using var restarted = await EngineHost.StartAsync(_dir.Path, Register);
        (await restarted.Client.GetInstanceAsync(id))!.Status.Should().Be(InstanceStatus.Completed);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("right\u202Eleft")]
    public async Task CallSubWorkflow_ChosenIdNotAllowed_FailsTheParentWithTheRule(string childId)
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var failed = await host.RunAsync("parent", childId);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain("sub-workflow instance id").And.Contain("SubWorkflowOptions.InstanceId");
        (await host.Client.ListInstancesAsync(new InstanceQuery { ParentInstanceId = failed.InstanceId })).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ContinueAsNew_WithASubWorkflowInEveryGeneration_StartsAFreshChildEachTime()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var done = await host.RunAsync("generations", 0, id: "gen");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        done.Output.Should().Be("3");
        var children = await host.Client.ListInstancesAsync(new InstanceQuery { ParentInstanceId = "gen" });
        children.Items.Select(c => c.InstanceId).Should().BeEquivalentTo("gen:0000", "gen:1:0000", "gen:2:0000", "gen:3:0000");
    }
}
