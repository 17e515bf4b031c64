using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Tests.Expressions;

/// <summary>
/// No template ends the process or renders past its limits: the nesting cases overflowed the stack inside Fluid's
/// parser or renderer (the test host died), the range built 100 million items (4.8 GB) before its loop took a step.
/// </summary>
public sealed class LiquidTemplatesTests
{
    public static TheoryData<string> TooDeep() => new()
    {
        "{{ " + new string('(', 10_000) + "1" + new string(')', 10_000) + " }}",
        string.Concat(Enumerable.Repeat("{% if true %}", 3_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3_000)),
        "{% liquid\n" + string.Concat(Enumerable.Repeat("if true\n", 5_000)) + "echo 1\n" + string.Concat(Enumerable.Repeat("endif\n", 5_000)) + "%}",
        "{{ a" + string.Concat(Enumerable.Repeat("[b", 3_000)) + new string(']', 3_000) + " }}",
        "{{ " + string.Concat(Enumerable.Repeat("\"}}\" | append: (", 3_000)) + " }}",
        "{% if " + string.Join(" or ", Enumerable.Repeat("false", 8_000)) + " %}y{% endif %}",
        "{{ x" + string.Concat(Enumerable.Repeat(" | upcase", 8_000)) + " }}",
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void TryParse_NestingThatOverflowedFluid_IsRefusedNamingTheLimit(string source)
    {
        LiquidTemplates.TryParse(source, out var template, out var error).Should().BeFalse();

        template.Should().BeNull();
        error.Should().Contain(ExpressionLimits.MaxTemplateNesting.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_TenThousandNestedIfBlocks_IsRefusedNotACrash()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 10_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 10_000));

        LiquidTemplates.TryParse(source, out _, out var error).Should().BeFalse();
        error.Should().Contain("more than the limit");
    }

    [Fact]
    public void TryParse_NestingWithinTheLimit_Parses()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 20)) + "{{ (1..3) | join: ',' }}" + string.Concat(Enumerable.Repeat("{% endif %}", 20));

        LiquidTemplates.TryParse(source, out _, out var error).Should().BeTrue(error);
        Render(source).Should().Be("1,2,3");
    }

    [Fact]
    public void TryParse_RawAndCommentContent_IsNotCounted()
    {
        var deep = new string('(', 1_000);

        LiquidTemplates.TryParse("{% raw %}" + deep + "{% endraw %}{% comment %}" + deep + "{% endcomment %}ok", out _, out var error).Should().BeTrue(error);
    }

    [Fact]
    public void Render_RangeOfAHundredMillion_IsRefusedBeforeItIsBuilt()
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => Render("{% for i in (1..100000000) %}{% break %}{% endfor %}");

        act.Should().Throw<FlowExpressionException>().WithMessage($"*node 'n'*100,000,000 items, more than the limit of {ExpressionLimits.MaxRangeItems:N0}*");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64L * 1024 * 1024);
    }

    [Theory]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{{ Input.text | replace: 'x', 'yyyyyyyyyy' }}")]
    [InlineData("{% assign parts = Input.text | truncate: 20000 | split: '' %}{{ parts | join: Input.text }}")]
    [InlineData("{% for i in (1..10000) %}{{ Input.text }}{% endfor %}")]
    public void Render_TextPastTheStringLimit_IsRefusedNamingTheLimit(string source)
    {
        var act = () => Render(source, new string('x', 1_000_000));

        act.Should().Throw<FlowExpressionException>().WithMessage($"*node 'n'*limit of {ExpressionLimits.MaxStringLength:N0} characters*");
    }

    private static string Render(string source, string text = "")
    {
        var evaluator = new FlowExpressionEvaluator();
        var scope = new FlowScope([], new JsonObject { ["text"] = text }, "instance-1", "flow");
        return evaluator.Evaluate(new FlowExpression(FlowExpressionTypes.Liquid, JsonValue.Create(source)), scope, "n", "text")!.GetValue<string>();
    }
}
