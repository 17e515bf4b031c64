using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>A call that fails twice, each time for another reason, and works the third time.</summary>
[Activity("it.flaky-step")]
public sealed class FlakyStepActivity : Activity<string, string>
{
    public override Task<string> RunAsync(ActivityContext context, string input) => context.Attempt switch
    {
        1 => throw new TimeoutException("The supplier did not answer within 5 s."),
        2 => throw new InvalidOperationException("The supplier answered 503 Service Unavailable."),
        _ => Task.FromResult($"quoted {input}"),
    };
}
