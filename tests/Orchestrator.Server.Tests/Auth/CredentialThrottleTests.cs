using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Tests.Auth;

public sealed class CredentialThrottleTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ClientLimits Limits = new(30, 5, TimeSpan.FromMinutes(15), 5);

    [Fact]
    public async Task TryBegin_ManyAtOnceForOneUser_ReservesExactlyTheLimit()
    {
        var throttle = new CredentialThrottle(Limits);
        using var start = new Barrier(64);

        var reserved = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return throttle.TryBegin("10.0.0." + i, "alice", null, Now, out _) is not null;
            },
            TaskCreationOptions.LongRunning)));

        reserved.Count(r => r).Should().Be(Limits.CredentialFailuresPerUser);
    }

    [Fact]
    public void TryBegin_PastTheAddressLimit_RefusesWithTheTimeLeftInTheWindow()
    {
        var throttle = new CredentialThrottle(Limits);
        for (var i = 0; i < Limits.CredentialFailuresPerAddress; i++)
        {
            throttle.TryBegin("10.0.0.1", null, "key-" + i, Now.AddMinutes(1), out _)!.Failed();
        }

        throttle.TryBegin("10.0.0.1", null, "another-key", Now.AddMinutes(5), out var wait).Should().BeNull();
        wait.Should().Be(TimeSpan.FromMinutes(11));
        throttle.TryBegin("10.0.0.2", null, "another-key", Now.AddMinutes(5), out _).Should().NotBeNull("other addresses are not affected");
        throttle.TryBegin("10.0.0.1", null, "another-key", Now.AddMinutes(16), out _).Should().NotBeNull("the window has passed");
    }

    [Fact]
    public void TryBegin_SameKeyPastThePerKeyLimit_RefusesThatKeyOnly()
    {
        var throttle = new CredentialThrottle(Limits);
        for (var i = 0; i < Limits.CredentialFailuresPerUser; i++)
        {
            throttle.TryBegin("10.0.0." + i, null, "guessed-key", Now, out _)!.Failed();
        }

        throttle.TryBegin("10.0.0.99", null, "guessed-key", Now, out _).Should().BeNull();
        throttle.TryBegin("10.0.0.99", null, "other-key", Now, out _).Should().NotBeNull();
    }

    [Fact]
    public void Succeeded_GivesTheReservationBackAndForgivesTheUsersFailures()
    {
        var throttle = new CredentialThrottle(Limits);
        for (var i = 0; i < Limits.CredentialFailuresPerUser - 1; i++)
        {
            throttle.TryBegin("10.0.0.1", "alice", null, Now, out _)!.Failed();
        }

        throttle.TryBegin("10.0.0.1", "alice", null, Now, out _)!.Succeeded();

        for (var i = 0; i < Limits.CredentialFailuresPerUser; i++)
        {
            throttle.TryBegin("10.0.0.1", "alice", null, Now, out _).Should().NotBeNull("attempt {0} after the success", i + 1);
        }
    }

    [Fact]
    public void TryBegin_TableFull_FailsClosedUntilAnEntryExpires()
    {
        var throttle = new CredentialThrottle(Limits);
        for (var i = 0; i < CredentialThrottle.MaxEntries; i++)
        {
            throttle.TryBegin("a" + i, null, null, Now, out _)!.Failed();
        }

        throttle.TryBegin("newcomer", null, null, Now.AddMinutes(1), out var wait).Should().BeNull();
        wait.Should().Be(TimeSpan.FromMinutes(14));
        throttle.TryBegin("newcomer", null, null, Now.AddMinutes(15), out _).Should().NotBeNull();
    }
}
