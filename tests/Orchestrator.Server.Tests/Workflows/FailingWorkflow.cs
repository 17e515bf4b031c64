using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// Calls <see cref="FailingActivity"/> without retries and lets its failure end the instance, so the instance, its
/// failed step and its workflow step all carry a failure thrown a few frames deep.
/// </summary>
[Workflow(Name)]
public sealed class FailingWorkflow : Workflow<string, string>
{
    public const string Name = "tests.failing";

    public override Task<string> RunAsync(WorkflowContext ctx, string input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.CallActivityAsync<string>(FailingActivity.Name, input, new RetryPolicy { MaxAttempts = 1 });
    }
}

/// <summary>
/// Throws from a nested call; with input <c>wrapped</c> the message itself carries another exception's full text, as code
/// that wraps <c>exception.ToString()</c> produces.
/// </summary>
[Activity(Name)]
public sealed class FailingActivity : Activity<string, string>
{
    public const string Name = "tests.failing-step";

    public const string Message = "The ledger is closed for the day.";

    public override Task<string> RunAsync(ActivityContext context, string input) =>
        input == "wrapped" ? throw new InvalidOperationException("Posting failed: " + Caught()) : Task.FromResult(Post());

    private static string Caught()
    {
        try
        {
            Post();
            return string.Empty;
        }
        catch (InvalidOperationException e)
        {
            return e.ToString();
        }
    }

    private static string Post() => throw new InvalidOperationException(Message);
}
