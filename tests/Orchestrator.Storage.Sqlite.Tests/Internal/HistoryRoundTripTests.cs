using System.Reflection;
using System.Text.Json.Serialization;
using CsCheck;
using FluentAssertions.Equivalency;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class HistoryRoundTripTests : StoreTestBase
{
    private static readonly DateTime T = Samples.T0.AddTicks(1234567);
    private static readonly FailureDetails Failure = new("System.TimeoutException", "too slow", "at X()", new FailureDetails("Inner", "cause", null, null, true), true);

    /// <summary>One event of every kind, every field set to a value that is not its default.</summary>
    private static readonly HistoryEvent[] EveryKind =
    [
        new ExecutionStarted(-1, T, "order", "2", "{\"a\":1}", "exec-1", new ParentInstanceInfo("parent", 3, "saga"), "alice", "support-agent"),
        new ExecutionCompleted(9, T, InstanceStatus.Failed, "{\"r\":true}", Failure),
        new ExecutionTerminated(-1, T, "operator said so", true),
        new ExecutionSuspended(-1, T, "pause"),
        new ExecutionResumed(-1, T, "go on"),
        new ExecutionRewound(-1, T, "retry from failure"),
        new TaskScheduled(1, T, "charge-card", "{\"amount\":12.5}", "support-agent", "alice"),
        new TaskCompleted(-1, T, 1, "\"ok\"", 3, new UsageReport("gpt-x", 1200, 200, 80, 0.000123456789m)),
        new TaskFailed(-1, T, 1, Failure, 4),
        new TaskAttemptFailed(-1, T, 1, 3, Failure, T.AddSeconds(30)),
        new SubOrchestrationInstanceCreated(2, T, "child-1", "sub", "7", "[1,2]", "triage-agent", new Dictionary<string, string> { ["agent"] = "triage" }),
        new SubOrchestrationInstanceCompleted(-1, T, 2, "{\"done\":1}"),
        new SubOrchestrationInstanceFailed(-1, T, 2, Failure),
        new TimerCreated(5, T, T.AddDays(2)),
        new TimerFired(-1, T, T.AddDays(2), 5),
        new TimerCancelled(-1, T, 5),
        new EventWaitStarted(-1, T, "approval:t-1", T.AddDays(2), 5),
        new OrchestratorStarted(-1, T),
        new EventSent(6, T, "other", "ping", "\"p\""),
        new EventRaised(-1, T, "approval:t-1", "{\"by\":\"bob\"}", RaisedByEngine: true),
        new GenericEvent(7, T, "patch:v2-pricing"),
        new ContinueAsNew(8, T, "{\"page\":2}"),
    ];

    [Fact]
    public void EveryKind_CoversEveryDerivedHistoryEventType()
    {
        var declared = typeof(HistoryEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

        EveryKind.Select(e => e.GetType()).Should().BeEquivalentTo(declared);
    }

    [Fact]
    public async Task GetHistoryAsync_EveryEventKind_RoundTripsAllFields()
    {
        await CreateAsync("a");

        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, EveryKind[..10]));
        await ReopenAsync();
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, EveryKind[10..]));

        (await Store.GetHistoryAsync("a", None)).Should().BeEquivalentTo(EveryKind, Exactly);
        (await Store.LoadInstanceAsync("a", None))!.History.Should().BeEquivalentTo(EveryKind, Exactly);
    }

    [Fact]
    public async Task LoadInstanceAsync_EveryEventKindInInbox_RoundTrips()
    {
        await CreateAsync("a");
        await WriteAsync([.. EveryKind.Select(e => new EnqueueWrite("a", e))]);

        var inbox = (await Store.LoadInstanceAsync("a", None))!.Inbox;

        inbox.Skip(1).Select(m => m.Event).Should().BeEquivalentTo(EveryKind, Exactly);
    }

    [Fact]
    public async Task GetHistoryAsync_UnknownInstance_ReturnsEmpty() =>
        (await Store.GetHistoryAsync("missing", None)).Should().BeEmpty();

    [Fact]
    public async Task GetHistoryAsync_RandomCommitSequences_EqualTheConcatenationOfTheirEvents()
    {
        var instance = 0;
        await EventGen.Array[0, 6].Array[1, 8].SampleAsync(
            async commits =>
            {
                var id = $"p{Interlocked.Increment(ref instance)}";
                await CreateAsync(id);
                foreach (var events in commits)
                {
                    (await WriteAsync(Samples.Commit(id, InstanceStatus.Running, events))).Outcome.Should().Be(WriteOutcome.Done);
                }

                var expected = commits.SelectMany(c => c).ToList();
                (await Store.GetHistoryAsync(id, None)).Should().Equal(expected);
                (await Store.LoadInstanceAsync(id, None))!.History.Should().Equal(expected);
            },
            iter: 60,
            threads: 1);
    }

    /// <summary>Member by member (a dictionary in an event has no value equality), in order, with runtime types.</summary>
    private static EquivalencyAssertionOptions<HistoryEvent> Exactly(EquivalencyAssertionOptions<HistoryEvent> options) =>
        options.WithStrictOrdering().RespectingRuntimeTypes().ComparingRecordsByMembers();

    private static Gen<DateTime> TimeGen { get; } = Gen.Long[0, DateTime.MaxValue.Ticks].Select(t => new DateTime(t, DateTimeKind.Utc));

    private static Gen<string?> TextGen { get; } = Gen.String.Null();

    private static Gen<HistoryEvent> EventGen { get; } = Gen.OneOf<HistoryEvent>(
        Gen.Select(Gen.Int, TimeGen, Gen.String, TextGen, (id, t, name, input) => (HistoryEvent)new TaskScheduled(id, t, name, input)),
        Gen.Select(Gen.Int, TimeGen, Gen.Int, TextGen, Gen.Int, (id, t, task, result, attempt) => (HistoryEvent)new TaskCompleted(id, t, task, result, attempt)),
        Gen.Select(TimeGen, Gen.String, Gen.String, (t, type, message) => (HistoryEvent)new TaskFailed(-1, t, 1, new FailureDetails(type, message), 1)),
        Gen.Select(Gen.Int, TimeGen, TimeGen, (id, t, fire) => (HistoryEvent)new TimerCreated(id, t, fire)),
        Gen.Select(TimeGen, Gen.String, TextGen, (t, name, input) => (HistoryEvent)new EventRaised(-1, t, name, input)),
        Gen.Select(TimeGen, Gen.String, (t, data) => (HistoryEvent)new GenericEvent(-1, t, data)),
        TimeGen.Select(t => (HistoryEvent)new OrchestratorStarted(-1, t)));
}
