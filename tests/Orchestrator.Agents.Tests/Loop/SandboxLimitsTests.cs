using Orchestrator.Agents.Internal.Loop;
using Orchestrator.Core;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Orchestrator.Agents.Tests.Loop;

/// <summary>
/// What a model sends cannot stall or end the process through an agent's approval rule or its instructions: before, a
/// backtracking rule ran for Jint's default 10 s regex timeout, and instructions repeating {{ input }} over a large input
/// built their whole text in one step.
/// </summary>
public sealed class SandboxLimitsTests
{
    private static readonly ActivityContext Context = new("instance-1", 1, "rule", 1, "alice", CancellationToken.None);

    [Fact]
    public async Task EvaluateRule_BacktrackingRegexOverTheArguments_FailsWithinItsTimeLimit()
    {
        var watch = Stopwatch.StartNew();
        var rule = new ApprovalRuleInput("billing.refund", "/(a+)+$/.test(note)", """{"note":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}""");

        var act = () => new EvaluateApprovalRuleActivity().RunAsync(Context, rule);

        (await act.Should().ThrowAsync<NonRetriableException>()).Which.Message.Should().Contain("billing.refund");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task EvaluateRule_ArgumentsNestedTooDeep_FailsTheRule()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var rule = new ApprovalRuleInput("billing.refund", "amount > 500", "{\"amount\":" + deep + "}");

        var act = () => new EvaluateApprovalRuleActivity().RunAsync(Context, rule);

        await act.Should().ThrowAsync<NonRetriableException>();
    }

    [Fact]
    public void Render_InputRepeatedPastTheLimit_IsRefusedBeforeItIsBuilt()
    {
        var template = string.Concat(Enumerable.Repeat("{{ input }}", 10_000));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => InstructionTemplate.Render(template, new Dictionary<string, string> { ["input"] = new string('x', 1_000_000) });

        act.Should().Throw<InvalidOperationException>().WithMessage("*more than the limit of 4,194,304*");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public void Render_Placeholders_AreFilledAndUnknownOnesKept()
    {
        InstructionTemplate.Render("You are {{ agent }}. Task: {{input}}. {{ other }}", new Dictionary<string, string> { ["input"] = "refund", ["agent"] = "support" })
            .Should().Be("You are support. Task: refund. {{ other }}");
    }
}
