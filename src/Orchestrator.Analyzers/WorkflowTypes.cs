using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers;

/// <summary>Decides which code is workflow code: code whose innermost enclosing type derives from <c>Orchestrator.Core.Workflow&lt;TInput, TOutput&gt;</c>.</summary>
internal sealed class WorkflowTypes
{
    private const string WorkflowMetadataName = "Orchestrator.Core.Workflow`2";

    private readonly ImmutableArray<INamedTypeSymbol> _workflowBases;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isWorkflow = new(SymbolEqualityComparer.Default);

    private WorkflowTypes(ImmutableArray<INamedTypeSymbol> workflowBases) => _workflowBases = workflowBases;

    /// <summary>The workflow types of <paramref name="compilation"/>, or null when it does not reference Orchestrator.Core.</summary>
    public static WorkflowTypes? Create(Compilation compilation)
    {
        var bases = compilation.GetTypesByMetadataName(WorkflowMetadataName);
        return bases.IsEmpty ? null : new WorkflowTypes(bases);
    }

    /// <summary>
    /// Whether code owned by <paramref name="containingSymbol"/> (a method, accessor, constructor or field initializer,
    /// including the lambdas and local functions inside it) is workflow code.
    /// </summary>
    /// <remarks>
    /// Only the innermost type counts: a type nested in a workflow is checked only if it is a workflow itself,
    /// so an activity declared next to the workflow that calls it is left alone.
    /// </remarks>
    public bool IsWorkflowCode(ISymbol containingSymbol)
    {
        var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
        return type is not null && _isWorkflow.GetOrAdd(type, DerivesFromWorkflow);
    }

    private bool DerivesFromWorkflow(INamedTypeSymbol type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (_workflowBases.Contains(baseType.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }
}
