using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Orchestrator.Analyzers;

/// <summary>Recognizes <c>ConfigureAwait(false)</c> and its <c>ConfigureAwaitOptions</c> equivalent on tasks and async streams.</summary>
internal static class ConfigureAwaitFalse
{
    /// <summary>How the continuation leaves the workflow's scheduler, for the diagnostic message.</summary>
    public const string ApiName = "ConfigureAwait(false)";

    // ConfigureAwaitOptions.ContinueOnCapturedContext; without it the continuation runs on the thread pool.
    private const int ContinueOnCapturedContext = 1;

    /// <summary>Whether <paramref name="invocation"/> makes the awaited continuation leave the captured scheduler.</summary>
    public static bool Matches(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "ConfigureAwait" || !method.ContainingType.ContainingNamespace.IsNamespace("System.Threading.Tasks"))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            var constant = argument.Value.ConstantValue;
            if (argument.Parameter is null || !constant.HasValue)
            {
                continue;
            }

            var parameterType = argument.Parameter.Type;
            if (parameterType.SpecialType == SpecialType.System_Boolean)
            {
                return constant.Value is false;
            }

            if (parameterType is { TypeKind: TypeKind.Enum, Name: "ConfigureAwaitOptions" } && constant.Value is int options)
            {
                return (options & ContinueOnCapturedContext) == 0;
            }
        }

        return false;
    }
}
