using System.Text;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>No payload over <see cref="EngineOptions.MaxPayloadBytes"/> is ever committed, whichever way it comes.</summary>
public sealed class PayloadLimitTests : IDisposable
{
    private const int Limit = 4096;
    private static readonly string Big = new('x', Limit + 1);

    private readonly TempDataDir _dir = new();
    private int _bigActivityRuns;

    public void Dispose() => _dir.Dispose();

    private void Register(OrchestratorBuilder o)
    {
        o.AddActivity<string, string>("big-result", (_, _) =>
        {
            Interlocked.Increment(ref _bigActivityRuns);
            return Task.FromResult(Big);
        });
        o.AddActivity<string, string>("echo", (_, s) => Task.FromResult(s));
        o.AddWorkflow<string, string>("calls-big", async (ctx, _) =>
        {
            try
            {
                return await ctx.CallActivityAsync<string>("big-result", null, new RetryPolicy { MaxAttempts = 5 });
            }
            catch (WorkflowTaskFailedException ex)
            {
                return $"{ex.Failure.ErrorType}|{ex.Failure.IsNonRetriable}|{ex.Failure.ErrorMessage}";
            }
        });
        o.AddWorkflow<string, string>("returns-big", (_, _) => Task.FromResult(Big));
        o.AddWorkflow<string, string>("wait", (ctx, _) => ctx.WaitForExternalEventAsync<string>("go"));
        o.AddWorkflow<string, string>("big-status", (ctx, _) =>
        {
            ctx.SetCustomStatus(new { note = Big });
            return Task.FromResult("unreachable");
        });
        o.AddWorkflow<string, string>("big-input", (ctx, _) => ctx.CallActivityAsync<string>("echo", Big));
        o.AddWorkflow<string, string>("big-child", async (ctx, _) =>
        {
            try
            {
                return await ctx.CallSubWorkflowAsync<string>("returns-big");
            }
            catch (WorkflowTaskFailedException ex)
            {
                return ex.Failure.InnerFailure?.ErrorType ?? ex.Failure.ErrorType;
            }
        });
    }

    private Task<EngineHost> StartAsync() => EngineHost.StartAsync(_dir.Path, Register, e => e.MaxPayloadBytes = Limit);

    [Fact]
    public async Task ActivityResultOverTheLimit_FailsTheStepWithoutRetryNamingTheLimitAndTheSetting()
    {
        await using var host = await StartAsync();

        var done = await host.RunAsync("calls-big", null);

        done.Output.Should().Contain(PayloadLimits.ErrorType + "|True|").And.Contain($"{Limit + 3} bytes").And.Contain($"{Limit} bytes")
            .And.Contain("Orchestrator:Limits:MaxPayloadBytes").And.Contain("'big-result'");
        _bigActivityRuns.Should().Be(1);
        await AssertNothingOverTheLimitAsync(host, done.InstanceId);
    }

    [Fact]
    public async Task WorkflowOutputOverTheLimit_FailsTheInstanceAndTheOutputIsNotStored()
    {
        await using var host = await StartAsync();

        var failed = await host.RunAsync("returns-big", null);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Output.Should().BeNull();
        failed.Error!.ErrorType.Should().Be(PayloadLimits.ErrorType);
        failed.Error.ErrorMessage.Should().Contain("output of workflow 'returns-big'").And.Contain("MaxPayloadBytes");
        await AssertNothingOverTheLimitAsync(host, failed.InstanceId);
    }

    [Fact]
    public async Task SubWorkflowOutputOverTheLimit_ReachesTheParentAsAFailure()
    {
        await using var host = await StartAsync();

        var done = await host.RunAsync("big-child", null);

        done.Output.Should().Be($"\"{PayloadLimits.ErrorType}\"");
        await AssertNothingOverTheLimitAsync(host, done.InstanceId);
    }

    [Fact]
    public async Task EventPayloadOverTheLimit_IsRefusedAndTheInstanceKeepsWaiting()
    {
        await using var host = await StartAsync();
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

        var raise = () => host.Client.RaiseEventAsync(id, "go", OrchestratorJson.Serialize(Big));

        (await raise.Should().ThrowAsync<PayloadTooLargeException>()).Which.Message.Should().Contain("payload of the event 'go'");
        await host.Client.RaiseEventAsync(id, "go", "\"small\"");
        (await host.WaitAsync(id)).Output.Should().Be("\"small\"");
        await AssertNothingOverTheLimitAsync(host, id);
    }

    [Fact]
    public async Task StartInputOverTheLimit_IsRefusedAndNothingIsWritten()
    {
        await using var host = await StartAsync();

        var start = () => host.Client.StartAsync(new StartWorkflowRequest("wait") { InstanceId = "big-1", InputJson = OrchestratorJson.Serialize(Big) });

        await start.Should().ThrowAsync<PayloadTooLargeException>();
        (await host.Client.GetInstanceAsync("big-1")).Should().BeNull();
    }

    [Theory]
    [InlineData("big-status", "custom status")]
    [InlineData("big-input", "input of activity 'echo'")]
    public async Task WorkflowCodePassingTooMuch_FailsTheInstanceNamingWhat(string workflow, string what)
    {
        await using var host = await StartAsync();

        var failed = await host.RunAsync(workflow, null);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain(what).And.Contain("MaxPayloadBytes");
        await AssertNothingOverTheLimitAsync(host, failed.InstanceId);
    }

    private static async Task AssertNothingOverTheLimitAsync(EngineHost host, string instanceId)
    {
        var instance = (await host.Client.GetInstanceAsync(instanceId))!;
        foreach (var stored in new[] { instance.Input, instance.Output, instance.CustomStatus, instance.Error?.ErrorMessage })
        {
            Encoding.UTF8.GetByteCount(stored ?? string.Empty).Should().BeLessThanOrEqualTo(Limit);
        }

        foreach (var e in await host.Client.GetHistoryAsync(instanceId))
        {
            var payload = e switch
            {
                TaskCompleted c => c.Result,
                TaskScheduled t => t.Input,
                EventRaised r => r.Input,
                ExecutionCompleted c => c.Result,
                SubOrchestrationInstanceCompleted s => s.Result,
                _ => null,
            };
            Encoding.UTF8.GetByteCount(payload ?? string.Empty).Should().BeLessThanOrEqualTo(Limit, $"{e.GetType().Name} must stay under the limit");
        }
    }
}
