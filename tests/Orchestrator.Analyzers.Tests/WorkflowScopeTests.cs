using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class WorkflowScopeTests
{
    [Fact]
    public async Task Analyze_UseInsideLambda_Reports()
    {
        await VerifyAsync(InWorkflow("Func<DateTime> now = () => [|DateTime.UtcNow|]; var value = now();"), "ORCH001");
    }

    [Fact]
    public async Task Analyze_UseInsideLocalFunction_Reports()
    {
        await VerifyAsync(InWorkflow("var id = NextId(); static Guid NextId() => [|Guid.NewGuid()|];"), "ORCH002");
    }

    [Fact]
    public async Task Analyze_UseInPropertyAccessorConstructorAndFieldInitializer_ReportsEach()
    {
        var markup = Usings + """
            public sealed class AuditWorkflow : Workflow<string, string>
            {
                private readonly Guid _runId = [|Guid.NewGuid()|];
                private readonly Guid _correlationId;

                public AuditWorkflow() => _correlationId = [|Guid.NewGuid()|];

                private string Tag => [|Guid.NewGuid()|].ToString();

                public override Task<string> RunAsync(WorkflowContext ctx, string input) =>
                    Task.FromResult($"{_runId}{_correlationId}{Tag}{input}");
            }
            """;

        await VerifyAsync(markup, "ORCH002");
    }

    [Fact]
    public async Task Analyze_ClassDerivingFromWorkflowSubclass_Reports()
    {
        var markup = Usings + """
            public abstract class AuditedWorkflow<TInput> : Workflow<TInput, string>
            {
            }

            public sealed class InvoiceWorkflow : AuditedWorkflow<int>
            {
                public override async Task<string> RunAsync(WorkflowContext ctx, int input)
                {
                    await [|Task.Delay(100)|];
                    return input.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            """;

        await VerifyAsync(markup, "ORCH004");
    }

    [Fact]
    public async Task Analyze_HelperMethodOfWorkflow_Reports()
    {
        var markup = Usings + """
            public sealed class ReportWorkflow : Workflow<string, string>
            {
                public override Task<string> RunAsync(WorkflowContext ctx, string input) => Task.FromResult(Stamp(input));

                private static string Stamp(string text) => text + [|Environment.MachineName|];
            }
            """;

        await VerifyAsync(markup, "ORCH007");
    }

    [Fact]
    public async Task Analyze_ActivityUsingNonDeterministicApis_ReportsNothing()
    {
        var code = Usings + """
            public sealed class FetchOrderActivity : Activity<string, string>
            {
                private static readonly HttpClient Http = new();

                public override async Task<string> RunAsync(string input)
                {
                    await Task.Delay(10);
                    var stamp = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                    return await Http.GetStringAsync(input + "?id=" + Guid.NewGuid() + "&at=" + stamp + Environment.MachineName);
                }
            }
            """;

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_PlainClass_ReportsNothing()
    {
        var code = Usings + """
            public static class Clock
            {
                public static DateTime Now() => DateTime.UtcNow;

                public static Task Wait() => Task.Run(() => Thread.Sleep(new Random().Next(10)));
            }
            """;

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_ActivityNestedInWorkflow_ReportsNothing()
    {
        var code = Usings + """
            public sealed class ShippingWorkflow : Workflow<string, string>
            {
                public override Task<string> RunAsync(WorkflowContext ctx, string input) =>
                    ctx.CallActivityAsync<string>(nameof(BookCourierActivity), input);

                public sealed class BookCourierActivity : Activity<string, string>
                {
                    public override Task<string> RunAsync(string input) => Task.FromResult(input + Guid.NewGuid());
                }
            }
            """;

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_CompilationWithoutOrchestratorCore_ReportsNothing()
    {
        var code = """
            namespace Elsewhere
            {
                public abstract class Workflow<TInput, TOutput>
                {
                    public System.DateTime Now => System.DateTime.UtcNow;
                }

                public sealed class LookalikeWorkflow : Workflow<int, int>
                {
                    public System.Guid Id => System.Guid.NewGuid();
                }
            }
            """;

        var diagnostics = await AnalyzeAsync(code, withCoreStub: false);

        diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("var name = nameof(DateTime.UtcNow);")]
    [InlineData("var name = nameof(Guid.NewGuid);")]
    [InlineData("var name = nameof(Environment.MachineName);")]
    public async Task Analyze_ApiNamedInNameof_ReportsNothing(string statement)
    {
        var diagnostics = await AnalyzeAsync(InWorkflow(statement));

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_SeveralViolations_ReportsEachOnceInSourceOrder()
    {
        var markup = InWorkflow("""
            var now = [|DateTime.UtcNow|];
            var id = [|Guid.NewGuid()|];
            await [|Task.Delay(5)|];
            """);
        var (code, spans) = TestMarkup.Parse(markup);

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Select(d => d.Id).Should().Equal("ORCH001", "ORCH002", "ORCH004");
        diagnostics.Select(d => d.Location.SourceSpan).Should().Equal(spans);
    }
}
