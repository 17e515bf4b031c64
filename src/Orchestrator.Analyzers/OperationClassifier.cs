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
        if (violation is null || IsInsideNameof(operation))
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
            Find(type, ApiUses.Construction, ".ctor", suffix: "()"),
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
        return extended is INamedTypeSymbol type ? Find(type, ApiUses.InstanceMember, method.Name, suffix) : null;
    }

    private ApiViolation? ClassifyMember(ISymbol member, string suffix = "")
    {
        var use = member.IsStatic ? ApiUses.StaticMember : ApiUses.InstanceMember;
        return Find(member.ContainingType, use, member.Name, suffix);
    }

    // The name is built only on a hit: this runs for every member access in workflow code.
    private ApiViolation? Find(INamedTypeSymbol type, ApiUses use, string memberName, string suffix)
    {
        var rule = _catalog.Find(type, use, memberName);
        if (rule is null)
        {
            return null;
        }

        var apiName = use == ApiUses.Construction ? "new " + type.Name + suffix : type.Name + "." + memberName + suffix;
        return new ApiViolation(rule.Descriptor, apiName);
    }

    // nameof(DateTime.UtcNow) only names the API; it is a compile-time constant and never runs it.
    private static bool IsInsideNameof(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

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
