using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Fails its first two attempts, each with its own message, and succeeds on the third.</summary>
[Activity(Name)]
public sealed class FlakyActivity : Activity<string, string>
{
    public const string Name = "tests.flaky";

    public override Task<string> RunAsync(ActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Attempt < 3
            ? throw new TimeoutException($"attempt {context.Attempt} timed out")
            : Task.FromResult(input + " done");
    }
}
