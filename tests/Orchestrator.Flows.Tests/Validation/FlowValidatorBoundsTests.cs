using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Validation;

/// <summary>
/// Retry policies inside the engine's bounds, and no waiting for events only the engine raises: before, a million
/// attempts without delay and an <c>Elsa.Event</c> on <c>approval:…</c> were both accepted.
/// </summary>
public sealed class FlowValidatorBoundsTests
{
    [Theory]
    [InlineData("""{"maxAttempts":1000000,"firstDelay":"00:00:00"}""", "maximum attempts '1000000', first delay '00:00:00' (shorter than the 100 ms")]
    [InlineData("""{"maxAttempts":101}""", "maximum attempts '101'")]
    [InlineData("""{"maxAttempts":3,"maxDelay":"00:00:00.050"}""", "maximum delay '00:00:00.050' (shorter than the 100 ms")]
    [InlineData("""{"maxAttempts":3,"backoff":"NaN"}""", "backoff 'NaN'")]
    public void Validate_RetryOutsideTheBounds_IsInvalidRetrySayingTheBounds(string retry, string wrong)
    {
        var problem = FlowValidator.Validate(WithRetry(retry)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(FlowProblemCodes.InvalidRetry);
        problem.Message.Should().Contain(wrong).And.Contain($"from 1 to {RetryPolicy.MaxAttemptsLimit}");
    }

    [Fact]
    public void Validate_RetryAtTheBounds_HasNoProblems()
    {
        FlowValidator.Validate(WithRetry("""{"maxAttempts":100,"firstDelay":"00:00:00.1","maxDelay":"00:00:00.1","backoff":1}""")).Should().BeEmpty();
    }

    [Fact]
    public void Read_StoredRetryBeyondTheBounds_IsClampedIntoThemInsteadOfThrowing()
    {
        var doc = WithRetry("""{"maxAttempts":1000000,"firstDelay":"00:00:00","maxDelay":0,"backoff":"NaN"}""");

        var policy = NodePolicy.Read(doc.Root.Find("w")!).Retry!;
        var compile = () => FlowProgram.Compile(doc);

        policy.MaxAttempts.Should().Be(RetryPolicy.MaxAttemptsLimit);
        policy.FirstRetryDelay.Should().Be(RetryPolicy.MinimumDelay);
        policy.MaxRetryDelay.Should().Be(RetryPolicy.MinimumDelay);
        policy.BackoffCoefficient.Should().Be(new RetryPolicy().BackoffCoefficient);
        compile.Should().NotThrow();
    }

    [Theory]
    [InlineData("approval:4f2a")]
    [InlineData("orchestrator:tick")]
    [InlineData("  APPROVAL:x")]
    public void Validate_EventNodeWaitingForAReservedName_IsReservedEventNameSayingWhy(string name)
    {
        var doc = Flow("""{"id":"w","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"NAME"}}}""".Replace("NAME", name, StringComparison.Ordinal));

        var problem = FlowValidator.Validate(doc).Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { NodeId = "w", Code = FlowProblemCodes.ReservedEventName });
        problem.Message.Should().Contain("reserved").And.Contain("raised only by the engine").And.Contain("Choose another 'Event name'");
    }

    [Fact]
    public void Validate_EventNodeWithAnOrdinaryName_HasNoProblems()
    {
        FlowValidator.Validate(Flow("""{"id":"w","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"approved-by-crm"}}}""")).Should().BeEmpty();
    }

    private static FlowDocument WithRetry(string retry) =>
        Flow("""{"id":"w","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}},"customProperties":{"retry":RETRY}}""".Replace("RETRY", retry, StringComparison.Ordinal));

    private static FlowDocument Flow(string node) => ElsaJson.Read(JsonNode.Parse($$$"""
        {"definitionId":"bounds","root":{"id":"fc","type":"Elsa.Flowchart","activities":[{"id":"start","type":"Elsa.Start"},{{{node}}}],
         "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"w","port":"In"}}]}}
        """)!.AsObject());
}
