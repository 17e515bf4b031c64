using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Orchestrator.Analyzers.Tests;

public sealed class NamespaceSymbolExtensionsTests
{
    [Theory]
    [InlineData("System.Net.Sockets", "System.Net.Sockets", true)]
    [InlineData("System.Net.Sockets", "Net.Sockets", false)]
    [InlineData("System.Net.Sockets", "System.Net", false)]
    [InlineData("System.Net", "System.Net.Sockets", false)]
    [InlineData("System.Net.Sockets", "System.Net.Socket", false)]
    [InlineData("Contoso.System.Net.Sockets", "System.Net.Sockets", false)]
    public void IsNamespace_DeclaredNamespace_MatchesOnlyTheExactName(string declared, string queried, bool expected)
    {
        NamespaceOf(declared).IsNamespace(queried).Should().Be(expected);
    }

    [Fact]
    public void IsNamespace_NullNamespace_IsFalse()
    {
        ((INamespaceSymbol?)null).IsNamespace("System").Should().BeFalse();
    }

    [Fact]
    public void IsNamespace_AnyDeclaredAndQueriedName_AgreesWithTheDisplayedName()
    {
        // A small alphabet of overlapping parts makes equal, prefix and suffix pairs common.
        var parts = Gen.OneOf("System", "Net", "Sockets", "Sock", "N").Array[1, 4];

        Gen.Select(parts, parts).Sample((declared, queried) =>
        {
            var ns = NamespaceOf(string.Join('.', declared));
            var name = string.Join('.', queried);

            return ns.IsNamespace(name) == (ns.ToDisplayString() == name);
        });
    }

    private static INamespaceSymbol NamespaceOf(string name)
    {
        var tree = CSharpSyntaxTree.ParseText($"namespace {name} {{ public class Probe {{ }} }}");
        var compilation = CSharpCompilation.Create("Namespaces", [tree]);
        return compilation.GetTypeByMetadataName(name + ".Probe")!.ContainingNamespace;
    }
}
