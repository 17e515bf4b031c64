using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Tests.Steps;

public sealed class HistoryOverlapFilterTests
{
    private static readonly DateTime T0 = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static readonly HistoryEvent[] Snapshot =
    [
        new ExecutionStarted(-1, T0, "w", "1", null, "e", null, null),
        new TaskScheduled(0, T0.AddSeconds(1), "a", null),
        new TaskCompleted(-1, T0.AddSeconds(2), 0, "1", 1),
    ];

    [Fact]
    public void BatchesAlreadyInTheSnapshot_AreRecognised()
    {
        var filter = new HistoryOverlapFilter(Snapshot);

        filter.IsInSnapshot([Snapshot[1]]).Should().BeTrue();
        filter.IsInSnapshot([Snapshot[2]]).Should().BeTrue();
    }

    [Fact]
    public void StorePrecisionBelowTicks_StillMatches()
    {
        var filter = new HistoryOverlapFilter(Snapshot);
        var live = new TaskScheduled(0, T0.AddSeconds(1).AddTicks(1234), "a", null);

        filter.IsInSnapshot([live]).Should().BeTrue();
    }

    [Fact]
    public void FirstNewBatch_EndsMatchingForGood()
    {
        var filter = new HistoryOverlapFilter(Snapshot);

        filter.IsInSnapshot([new TaskScheduled(1, T0.AddSeconds(3), "b", null)]).Should().BeFalse();
        filter.IsInSnapshot([Snapshot[2]]).Should().BeFalse();
    }

    [Fact]
    public void EachSnapshotEventMatchesOnce()
    {
        var raised = new EventRaised(-1, T0.AddSeconds(5), "go", "1");
        var filter = new HistoryOverlapFilter([.. Snapshot, raised]);

        filter.IsInSnapshot([raised]).Should().BeTrue();
        filter.IsInSnapshot([raised]).Should().BeFalse();
    }

    [Fact]
    public void BatchPartlyInTheSnapshot_IsNew()
    {
        var filter = new HistoryOverlapFilter(Snapshot);

        filter.IsInSnapshot([Snapshot[2], new ExecutionCompleted(1, T0.AddSeconds(3), InstanceStatus.Completed, null, null)]).Should().BeFalse();
    }
}
