using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Tests.Expressions;

/// <summary>
/// No script ends the process or runs past its limits: each case below either overflowed the native stack (the test
/// host died), ran far past the time limit, or allocated far past the memory limit in one call.
/// </summary>
public sealed class JavaScriptSandboxTests
{
    private const string DeepObject = "let o = {}; for (let i = 0; i < 100000; i++) { o = { a: o }; } ";

    [Fact]
    public void Evaluate_DeepObjectStringified_FailsTheNodeInsteadOfTheProcess()
    {
        var act = () => Run(DeepObject + "JSON.stringify(o).length");

        act.Should().Throw<FlowExpressionException>().WithMessage("*node 'n'*deeper than the stack allows*");
    }

    [Fact]
    public void Evaluate_DeepObjectReturned_FailsTheNodeInsteadOfTheProcess()
    {
        var act = () => Run(DeepObject + "o");

        act.Should().Throw<FlowExpressionException>().WithMessage("*node 'n'*deeper than the stack allows*");
    }

    [Fact]
    public void Evaluate_DeepArrayLiteral_FailsTheNodeInsteadOfTheProcess()
    {
        var act = () => Run(new string('[', 5000) + new string(']', 5000));

        act.Should().Throw<FlowExpressionException>().WithMessage("*node 'n'*");
    }

    [Fact]
    public void Evaluate_ValueNestedPastTheValueDepth_FailsNamingTheLimit()
    {
        var act = () => Run("let o = {}; for (let i = 0; i < 100; i++) { o = { a: o }; } o");

        act.Should().Throw<FlowExpressionException>().WithMessage($"*nested deeper than its limit of {ExpressionLimits.MaxValueDepth} levels*");
    }

    [Theory]
    [InlineData("'x'.repeat(134217728).length")]
    [InlineData("'ab'.repeat(67108864).length")]
    [InlineData("'x'.padEnd(134217728).length")]
    [InlineData("'x'.repeat(1000000).replaceAll('x', 'y'.repeat(100)).length")]
    [InlineData("'x'.repeat(100000).replace(/x/g, '$&'.repeat(50)).length")]
    [InlineData("''.concat(...new Array(1000).fill('x'.repeat(100000))).length")]
    [InlineData("let s = 'x'.repeat(100000); JSON.stringify(new Array(10000).fill(s)).length")]
    [InlineData("let s = 'x'.repeat(100000); new Array(10000).fill(s)")]
    public void Evaluate_OneCallBuildingAHugeString_IsRefusedBeforeItAllocates(string script)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var act = () => Run(script);

        act.Should().Throw<FlowExpressionException>().WithMessage($"*longer than its limit of {ExpressionLimits.MaxStringLength:N0} characters*");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(128L * 1024 * 1024);
    }

    [Fact]
    public void Evaluate_StringsWithinTheLimit_StillWork()
    {
        Run("'ab'.repeat(3) + 'x'.padStart(3, '-') + 'a-b-c'.replaceAll('-', '+') + 'a'.concat('b') + JSON.stringify({ k: [1, 'v'] })")!
            .GetValue<string>().Should().Be("ababab--xa+b+cab{\"k\":[1,\"v\"]}");
        Run("'hello world'.replace(/o/g, '[$&]')")!.GetValue<string>().Should().Be("hell[o] w[o]rld");
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_StopsNearTheTimeLimit()
    {
        var watch = Stopwatch.StartNew();

        var act = () => Run("/(a+)+$/.test('a'.repeat(40) + '!')");

        act.Should().Throw<FlowExpressionException>().WithMessage("*regular expression longer than its limit*");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("new ArrayBuffer(500000000).byteLength")]
    [InlineData("new Uint8Array(500000000).length")]
    [InlineData("eval('1 + 1')")]
    public void Evaluate_AllocationsAndCompilationOutsideTheLimits_AreNotAvailable(string script)
    {
        var act = () => Run(script);

        act.Should().Throw<FlowExpressionException>().WithMessage("*node 'n'*");
    }

    [Fact]
    public void TryPrepare_ScriptLongerThanTheLimit_IsRefusedUnparsed()
    {
        var prepared = JavaScriptSandbox.TryPrepare("1+" + new string('1', ExpressionLimits.MaxSourceLength), out var error);

        prepared.Should().BeNull();
        error.Should().Contain($"more than the limit of {ExpressionLimits.MaxSourceLength:N0}");
    }

    [Fact]
    public void TryPrepare_ParenthesesTooDeepToParse_IsAnErrorNotACrash()
    {
        var prepared = JavaScriptSandbox.TryPrepare(new string('(', 50000) + "1" + new string(')', 50000), out var error);

        prepared.Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    private static JsonNode? Run(string script)
    {
        var evaluator = new FlowExpressionEvaluator();
        var scope = new FlowScope([], [], "instance-1", "flow");
        return evaluator.Evaluate(new FlowExpression(FlowExpressionTypes.JavaScript, JsonValue.Create(script)), scope, "n", "value");
    }
}
