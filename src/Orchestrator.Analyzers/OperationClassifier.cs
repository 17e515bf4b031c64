using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Orchestrator.Analyzers;

/// <summary>Maps an operation (call, construction, property, field or method-group reference) to the rule it breaks.</summary>
internal sealed class OperationClassifier
{
    private readonly BannedApiCatalog _catalog;

    public OperationClassifier(BannedApiCatalog catalog) => _catalog = catalog;

    /// <summary>
    /// The violation to report for <paramref name="operation"/>, or null. A member used on a receiver that already
    /// breaks the same rule is not reported again, so <c>TimeProvider.System.GetUtcNow()</c> or
    /// <c>new HttpClient().GetAsync(url)</c> yields one diagnostic, not two.
    /// </summary>
    public ApiViolation? FindReportable(IOperation operation)
    {
        var violation = Classify(operation);
        if (violation is null)
        {
            return null;
        }

        var receiver = Receiver(operation);
        return receiver is not null && Classify(receiver)?.Descriptor == violation.Descriptor ? null : violation;
    }

    private ApiViolation? Classify(IOperation operation) => operation switch
    {
        IInvocationOperation invocation when ConfigureAwaitFalse.Matches(invocation) =>
            new ApiViolation(DeterminismDescriptors.OffScheduler, ConfigureAwaitFalse.ApiName),
        IInvocationOperation invocation => ClassifyMethod(invocation.TargetMethod, suffix: "()"),
        IMethodReferenceOperation reference => ClassifyMethod(reference.Method, suffix: string.Empty),
        IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type =>
            Violation(_catalog.Find(type, ApiUses.Construction, ".ctor"), "new " + type.Name + "()"),
        IPropertyReferenceOperation property => ClassifyMember(property.Property),
        IFieldReferenceOperation field => ClassifyMember(field.Field),
        _ => null,
    };

    private ApiViolation? ClassifyMethod(IMethodSymbol method, string suffix)
    {
        if (!method.IsExtensionMethod)
        {
            return ClassifyMember(method, suffix);
        }

        // An extension method is a use of the type it extends: client.GetFromJsonAsync(url) is an HttpClient call.
        var extended = method.ReducedFrom is null ? method.Parameters[0].Type : method.ReceiverType;
        return extended is INamedTypeSymbol type
            ? Violation(_catalog.Find(type, ApiUses.InstanceMember, method.Name), type.Name + "." + method.Name + suffix)
            : null;
    }

    private ApiViolation? ClassifyMember(ISymbol member, string suffix = "")
    {
        var use = member.IsStatic ? ApiUses.StaticMember : ApiUses.InstanceMember;
        return Violation(_catalog.Find(member.ContainingType, use, member.Name), member.ContainingType.Name + "." + member.Name + suffix);
    }

    private static ApiViolation? Violation(BannedApi? rule, string apiName) =>
        rule is null ? null : new ApiViolation(rule.Descriptor, apiName);

    private static IOperation? Receiver(IOperation operation)
    {
        var receiver = operation switch
        {
            IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } call => call.Arguments[0].Value,
            IInvocationOperation call => call.Instance,
            IMethodReferenceOperation reference => reference.Instance,
            IPropertyReferenceOperation property => property.Instance,
            IFieldReferenceOperation field => field.Instance,
            _ => null,
        };

        // Look through the conversions and parentheses the compiler wraps around a receiver.
        while (true)
        {
            switch (receiver)
            {
                case IConversionOperation conversion:
                    receiver = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    receiver = parenthesized.Operand;
                    break;
                default:
                    return receiver;
            }
        }
    }
}
