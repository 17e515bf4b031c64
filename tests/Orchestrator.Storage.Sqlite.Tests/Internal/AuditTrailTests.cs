using Microsoft.Data.Sqlite;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

/// <summary>The audit table: a hash chain the writer extends inside each batch, filtered reads, and tamper detection.</summary>
public sealed class AuditTrailTests : StoreTestBase
{
    private static AuditEntry Entry(int n, string actor = "user:alice", string? onBehalfOf = null, string action = "instance.start", string? instanceId = null) =>
        new(Samples.T0.AddSeconds(n), actor, onBehalfOf, action, instanceId is null ? null : "instance:" + instanceId, "ok", instanceId, $"{{\"n\":{n}}}");

    private Task<AuditVerification> VerifyAsync() => AuditChain.VerifyAsync(Store.ReadAuditChainAsync(None));

    private async Task<List<AuditRecord>> ChainAsync() => await Store.ReadAuditChainAsync(None).ToListAsync();

    [Fact]
    public async Task WriteAsync_AppendsAcrossBatchesAndRestarts_ChainsEveryRecordToThePreviousOne()
    {
        await CreateAsync("a");
        await WriteAsync(new AppendAuditWrite([Entry(1), Entry(2)]));
        await WriteAsync(
            Samples.Commit("a") with { Audit = [Entry(3, instanceId: "a")] },
            new AppendAuditWrite([Entry(4)]));
        await ReopenAsync();
        await WriteAsync(new AppendAuditWrite([Entry(5)]));

        var chain = await ChainAsync();
        chain.Select(r => r.Sequence).Should().Equal(1, 2, 3, 4, 5);
        chain[0].PreviousHash.Should().Be(AuditHash.Genesis);
        chain.Zip(chain.Skip(1)).Should().OnlyContain(pair => pair.Second.PreviousHash == pair.First.Hash);
        chain.Should().OnlyContain(r => AuditHash.Matches(r));
        chain.Select(r => r.Entry).Should().Equal(Entry(1), Entry(2), Entry(3, instanceId: "a"), Entry(4), Entry(5));
        (await VerifyAsync()).Should().Be(new AuditVerification(true, 5, null, null, chain[^1].Hash));
    }

    [Fact]
    public async Task WriteAsync_BatchRolledBack_LeavesNoRecordAndTheNextOneContinuesTheChain()
    {
        await CreateAsync("a");
        await WriteAsync(new AppendAuditWrite([Entry(1)]));

        var failing = () => WriteAsync(
            new AppendAuditWrite([Entry(2), Entry(3)]),
            Samples.Commit("a") with { Usage = [Samples.Usage("other", 1, 1m)] });
        await failing.Should().ThrowAsync<ArgumentException>();
        await WriteAsync(new AppendAuditWrite([Entry(4)]));

        var chain = await ChainAsync();
        chain.Select(r => (r.Sequence, r.Entry)).Should().Equal((1L, Entry(1)), (2L, Entry(4)));
        (await VerifyAsync()).Ok.Should().BeTrue();
    }

    [Fact]
    public async Task WriteAsync_RefusedWrites_AppendNoRecord()
    {
        await CreateAsync("a");
        await WriteAsync(new CreateHumanTaskWrite(Samples.Approval("t1")) { Audit = Entry(1, action: "approval.requested") });

        var results = await WriteAsync(
            Samples.Commit("missing") with { Audit = [Entry(2)] },
            new CreateHumanTaskWrite(Samples.Approval("t1")) { Audit = Entry(3, action: "approval.requested") },
            Samples.Decide("t1", "mallory") with { Audit = Entry(4, "user:mallory", action: "approval.approved") },
            new UpdateHumanTaskWrite("unknown", HumanTaskStatus.Expired, null, null, Samples.T0) { Audit = Entry(5, "system") });

        results.Select(r => r.Outcome).Should().Equal(WriteOutcome.NotFound, WriteOutcome.AlreadyExists, WriteOutcome.Forbidden, WriteOutcome.NotFound);
        (await ChainAsync()).Select(r => r.Entry.Action).Should().Equal("approval.requested");
    }

    [Fact]
    public async Task WriteAsync_DecisionAndTimeoutRule_RecordTheirChangeWithTheTasksInstance()
    {
        await CreateAsync("a");
        await WriteAsync(new CreateHumanTaskWrite(Samples.Approval("t1")));
        await WriteAsync(new CreateHumanTaskWrite(Samples.Approval("t2")));

        await WriteAsync(Samples.Decide("t1", "alice") with { Audit = Entry(1, "user:alice", action: "approval.approved") });
        await WriteAsync(new UpdateHumanTaskWrite("t2", HumanTaskStatus.Pending, ["role:admin"], Samples.T0.AddDays(1), Samples.T0) { Audit = Entry(2, "system", action: "approval.escalated") });
        await WriteAsync(new UpdateHumanTaskWrite("t2", HumanTaskStatus.Expired, null, null, Samples.T0) { Audit = Entry(3, "system", action: "approval.expired") });
        var late = await WriteAsync(new UpdateHumanTaskWrite("t1", HumanTaskStatus.Expired, null, null, Samples.T0) { Audit = Entry(4, "system", action: "approval.expired") });

        late.Outcome.Should().Be(WriteOutcome.Conflict);
        (await ChainAsync()).Select(r => (r.Entry.Action, r.Entry.Actor, r.Entry.InstanceId)).Should().Equal(
            ("approval.approved", "user:alice", "a"), ("approval.escalated", "system", "a"), ("approval.expired", "system", "a"));
    }

    [Fact]
    public async Task QueryAuditAsync_Filters_SelectMatchingRecordsNewestFirst()
    {
        await WriteAsync(new AppendAuditWrite(
        [
            Entry(1, "user:alice", action: "instance.start", instanceId: "a"),
            Entry(2, "agent:triage", "user:alice", "step.model", "a"),
            Entry(3, "agent:triage", "user:bob", "step.tool", "b"),
            Entry(4, "user:bob", action: "instance.terminate", instanceId: "b"),
            Entry(5, "system", action: "approval.expired"),
        ]));

        async Task<IEnumerable<long>> Seqs(AuditQuery query) => (await Store.QueryAuditAsync(query, None)).Items.Select(r => r.Sequence);

        (await Seqs(new AuditQuery())).Should().Equal(5, 4, 3, 2, 1);
        (await Seqs(new AuditQuery { InstanceId = "a" })).Should().Equal(2, 1);
        (await Seqs(new AuditQuery { Actor = "user:alice" })).Should().Equal([2L, 1L], "an agent acting for alice counts as alice's");
        (await Seqs(new AuditQuery { Actor = "agent:triage" })).Should().Equal(3, 2);
        (await Seqs(new AuditQuery { Action = "step.*" })).Should().Equal(3, 2);
        (await Seqs(new AuditQuery { Action = "step.tool" })).Should().Equal(3);
        (await Seqs(new AuditQuery { Action = "step_*" })).Should().BeEmpty("LIKE wildcards in the filter are taken literally");
        (await Seqs(new AuditQuery { Text = "TERMINATE" })).Should().Equal(4);
        (await Seqs(new AuditQuery { Text = "\"n\":3" })).Should().Equal(3);
        (await Seqs(new AuditQuery { From = Samples.T0.AddSeconds(2), To = Samples.T0.AddSeconds(4) })).Should().Equal(3, 2);
        (await Seqs(new AuditQuery { Actor = "user:bob", InstanceId = "b", Action = "instance.*" })).Should().Equal(4);
    }

    [Fact]
    public async Task QueryAuditAsync_Paging_WalksEveryRecordOnceNewestFirst()
    {
        await WriteAsync(new AppendAuditWrite([.. Enumerable.Range(1, 23).Select(n => Entry(n))]));

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryAuditAsync(new AuditQuery { Limit = 10, Cursor = cursor }, None);
            seen.AddRange(page.Items.Select(r => r.Sequence));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Should().Equal(Enumerable.Range(1, 23).Reverse().Select(n => (long)n));
        var malformed = () => Store.QueryAuditAsync(new AuditQuery { Cursor = "abc" }, None);
        await malformed.Should().ThrowAsync<ArgumentException>().WithMessage("*cursor*");
    }

    [Fact]
    public async Task VerifyAsync_OneRecordEditedInTheFile_ReportsThatRecord()
    {
        await AppendThousandAsync();
        (await VerifyAsync()).Should().Match<AuditVerification>(v => v.Ok && v.Records == 1000 && v.FirstBrokenAt == null);

        Tamper("DROP TRIGGER audit_no_update; UPDATE audit SET outcome = 'failed' WHERE seq = 500;");

        var verdict = await VerifyAsync();
        (verdict.Ok, verdict.Records, verdict.FirstBrokenAt).Should().Be((false, 1000L, 500L));
        verdict.Reason.Should().Contain("Record 500 was changed");
    }

    [Fact]
    public async Task VerifyAsync_MiddleRecordDeletedFromTheFile_ReportsTheMissingRecord()
    {
        await AppendThousandAsync();

        Tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 321;");

        var verdict = await VerifyAsync();
        (verdict.Ok, verdict.Records, verdict.FirstBrokenAt).Should().Be((false, 999L, 321L));
        verdict.Reason.Should().Contain("Record 321 is missing");
    }

    [Fact]
    public async Task AuditTable_UpdateOrDeleteWithoutDroppingTheGuards_IsRefused()
    {
        await WriteAsync(new AppendAuditWrite([Entry(1)]));

        var update = () => Tamper("UPDATE audit SET outcome = 'failed' WHERE seq = 1;");
        var delete = () => Tamper("DELETE FROM audit;");

        update.Should().Throw<SqliteException>().WithMessage("*append-only*");
        delete.Should().Throw<SqliteException>().WithMessage("*append-only*");
        (await VerifyAsync()).Ok.Should().BeTrue();
    }

    private async Task AppendThousandAsync()
    {
        for (var batch = 0; batch < 10; batch++)
        {
            await WriteAsync(new AppendAuditWrite([.. Enumerable.Range(batch * 100, 100).Select(n => Entry(n, action: n % 2 == 0 ? "step.activity" : "step.model"))]));
        }
    }

    /// <summary>Changes the database file behind the store's back, as someone with access to the file could.</summary>
    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Store.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
