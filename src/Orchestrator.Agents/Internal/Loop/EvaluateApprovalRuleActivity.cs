using Jint;
using Jint.Native.Json;
using Jint.Runtime;
using Orchestrator.Agents.Internal.Approvals;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>
/// Decides whether a tool call needs approval by evaluating the rule's JavaScript condition over the call's arguments
/// (e.g. <c>amount &gt; 500</c>), sandboxed: no CLR access, bounded time, memory, statements and recursion. The
/// decision is a recorded step, so the policy decision is part of the audit trail.
/// </summary>
[Activity(ApprovalActivityNames.EvaluateRule)]
internal sealed class EvaluateApprovalRuleActivity : Activity<ApprovalRuleInput, bool>
{
    public override Task<bool> RunAsync(ActivityContext context, ApprovalRuleInput input)
    {
        var engine = new Engine(options =>
        {
            options.LimitRecursion(32)
                .TimeoutInterval(TimeSpan.FromMilliseconds(250))
                .LimitMemory(8_000_000)
                .MaxStatements(10_000)
                .DisableStringCompilation()
                .Strict();

            // The arguments come from the model: a deep value or a regular expression that backtracks over them must
            // fail this rule, not run for Jint's default 10 s or overflow the stack of the process.
            options.Constraints.StackOverflowGuard = true;
            options.Constraints.RegexTimeout = TimeSpan.FromMilliseconds(250);
        });
        try
        {
            var arguments = new JsonParser(engine).Parse(input.ArgumentsJson).AsObject();
            foreach (var property in arguments.GetOwnProperties())
            {
                engine.SetValue(property.Key.ToString(), property.Value.Value);
            }

            engine.SetValue("args", arguments);
            return Task.FromResult(TypeConverter.ToBoolean(engine.Evaluate(input.Condition)));
        }
        catch (Exception ex) when (ex is JavaScriptException or Acornima.ParseErrorException or ScriptPreparationException or TimeoutException
            or MemoryLimitExceededException or StatementsCountOverflowException or RecursionDepthOverflowException or InsufficientExecutionStackException)
        {
            throw new NonRetriableException($"The approval rule for '{input.Tool}' ('{input.Condition}') could not be evaluated: {ex.Message}", ex);
        }
    }
}
