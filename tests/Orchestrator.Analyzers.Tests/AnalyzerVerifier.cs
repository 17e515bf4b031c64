using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Orchestrator.Analyzers.Tests;

/// <summary>Compiles a snippet against a stub of Orchestrator.Core and the running framework, then runs <see cref="DeterminismAnalyzer"/> on it.</summary>
internal static class AnalyzerVerifier
{
    /// <summary>The part of Orchestrator.Core's public API that the analyzer and the snippets depend on.</summary>
    public const string CoreStub = """
        namespace Orchestrator.Core
        {
            public abstract class Workflow<TInput, TOutput>
            {
                public abstract System.Threading.Tasks.Task<TOutput> RunAsync(WorkflowContext ctx, TInput input);
            }

            public abstract class WorkflowContext
            {
                public abstract System.DateTime CurrentUtcDateTime { get; }
                public abstract System.Guid NewGuid();
                public abstract System.Threading.Tasks.Task CreateTimerAsync(System.TimeSpan delay);
                public abstract System.Threading.Tasks.Task<TResult> CallActivityAsync<TResult>(string name, object? input = null);
            }

            public abstract class Activity<TInput, TOutput>
            {
                public abstract System.Threading.Tasks.Task<TOutput> RunAsync(TInput input);
            }
        }
        """;

    /// <summary>The usings every snippet gets, so a test reads like the workflow code it checks.</summary>
    public const string Usings = """
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Sockets;
        using System.Security.Cryptography;
        using System.Threading;
        using System.Threading.Tasks;
        using Orchestrator.Core;

        """;

    // Only the framework's own assemblies: the test host's dependencies would make the snippets' world depend on the runner.
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>Wraps <paramref name="statements"/> in the body of a workflow's <c>RunAsync</c>, after <see cref="Usings"/>.</summary>
    public static string InWorkflow(string statements) => Usings + $$"""
        public sealed class SampleWorkflow : Workflow<string, string>
        {
            private readonly HttpClient _http = null!;
            private readonly TimeProvider _clock = null!;

            public override async Task<string> RunAsync(WorkflowContext ctx, string input)
            {
                {{statements}}
                await ctx.CreateTimerAsync(TimeSpan.FromSeconds(1));
                return input;
            }
        }
        """;

    /// <summary>Asserts the analyzer reports <paramref name="expectedId"/> exactly at the <c>[|...|]</c> spans of <paramref name="markup"/>, and nothing else.</summary>
    public static async Task VerifyAsync(string markup, string expectedId)
    {
        var (code, spans) = TestMarkup.Parse(markup);

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan}")
            .Should().Equal(spans.Select(span => $"{expectedId} {span}"), "diagnostics: {0}", string.Join("; ", diagnostics));
    }

    /// <summary>
    /// Compiles <paramref name="code"/> (with the Core stub unless <paramref name="withCoreStub"/> is false), asserts it has no
    /// compile errors so a test cannot pass on broken code, and returns the analyzer's diagnostics in source order.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string code, bool withCoreStub = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(code, parseOptions, path: "Snippet.cs") };
        if (withCoreStub)
        {
            trees.Add(CSharpSyntaxTree.ParseText(CoreStub, parseOptions, path: "CoreStub.cs"));
        }

        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .Should().BeEmpty("the snippet must compile:\n{0}", code);

        var analyzerExceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => analyzerExceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation
            .WithAnalyzers([new DeterminismAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();

        analyzerExceptions.Should().BeEmpty("the analyzer must not throw");
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start)];
    }
}
