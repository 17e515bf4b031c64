using System.ClientModel;
using System.Text.Json;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>Failures without an HTTP status; the status-code cases run against the scripted server in <see cref="ModelFaultTests"/>.</summary>
public sealed class ProviderErrorsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Map_ProviderTimeout_IsRetryable() =>
        ProviderErrors.Map("m", new TaskCanceledException("timed out after 100 s"), cancelledByStep: false, Now)
            .Should().BeOfType<ModelProviderException>().Which.Message.Should().Be("Model 'm' timed out: timed out after 100 s");

    [Fact]
    public void Map_StepCancelled_IsLeftAlone() =>
        ProviderErrors.Map("m", new TaskCanceledException(), cancelledByStep: true, Now).Should().BeNull();

    [Fact]
    public void Map_InvalidJson_SaysMalformedOutput() =>
        ProviderErrors.Map("m", new JsonException("'<' is an invalid start of a value."), cancelledByStep: false, Now)
            .Should().BeOfType<ModelProviderException>().Which.Message.Should().Contain("malformed output").And.Contain("'<'");

    [Fact]
    public void Map_NoResponse_IsRetryable() =>
        ProviderErrors.Map("m", new ClientResultException("Connection reset", null, new HttpRequestException("Connection reset")), cancelledByStep: false, Now)
            .Should().BeOfType<ModelProviderException>().Which.Message.Should().Be("Model 'm' could not be reached: Connection reset");

    [Fact]
    public void Map_SomethingElse_IsLeftAlone() =>
        ProviderErrors.Map("m", new InvalidOperationException("a bug"), cancelledByStep: false, Now).Should().BeNull();
}
