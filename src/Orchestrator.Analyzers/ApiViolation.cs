using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers;

/// <summary>A use of a non-deterministic API: the rule it breaks and the API's name for the message.</summary>
internal sealed class ApiViolation
{
    public ApiViolation(DiagnosticDescriptor descriptor, string apiName)
    {
        Descriptor = descriptor;
        ApiName = apiName;
    }

    /// <summary>The rule that was broken.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The API as a reader would write it, for example <c>DateTime.UtcNow</c> or <c>Guid.NewGuid()</c>.</summary>
    public string ApiName { get; }
}
