using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers;

/// <summary>Namespace comparisons that walk the symbol instead of formatting it, because they run for every call in workflow code.</summary>
internal static class NamespaceSymbolExtensions
{
    /// <summary>Whether <paramref name="ns"/> is exactly the namespace <paramref name="qualifiedName"/> (for example <c>System.Net.Sockets</c>).</summary>
    public static bool IsNamespace(this INamespaceSymbol? ns, string qualifiedName)
    {
        // Compare from the innermost part outwards: Sockets, then Net, then System.
        var end = qualifiedName.Length;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (end <= 0)
            {
                return false;
            }

            var start = qualifiedName.LastIndexOf('.', end - 1) + 1;
            var length = end - start;
            if (length != current.Name.Length || string.CompareOrdinal(qualifiedName, start, current.Name, 0, length) != 0)
            {
                return false;
            }

            end = start - 1;
        }

        return end == -1;
    }
}
