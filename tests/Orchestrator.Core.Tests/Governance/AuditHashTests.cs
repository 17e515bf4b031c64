using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Tests.Governance;

/// <summary>The canonical form and hash chain of audit records: fixed forever, sensitive to every field.</summary>
public sealed class AuditHashTests
{
    private static readonly AuditEntry Sample = new(
        new DateTime(2025, 1, 31, 12, 0, 0, DateTimeKind.Utc),
        "agent:triage",
        "user:alice",
        "step.tool",
        "instance:abc",
        "ok",
        "abc",
        """{"taskId":3,"name":"orchestrator.tool-call"}""");

    [Fact]
    public void Canonical_Sample_IsTheDocumentedForm()
    {
        AuditHash.Canonical(1, Sample, AuditHash.Genesis).Should().Be(
            "orchestrator-audit-v1\n1:1\n28:2025-01-31T12:00:00.0000000Z\n3:abc\n12:agent:triage\n10:user:alice\n9:step.tool\n"
            + "12:instance:abc\n2:ok\n44:{\"taskId\":3,\"name\":\"orchestrator.tool-call\"}\n64:" + new string('0', 64) + "\n");
    }

    [Fact]
    public void Compute_GoldenRecords_KeepTheirHashesForever()
    {
        // Computed independently (Python hashlib over the documented form); a change here breaks every stored chain.
        var first = AuditHash.Compute(1, Sample, AuditHash.Genesis);
        first.Should().Be("fd613cb7c897410992664993b5efe4ab4bf07d1ec1d9d53248849164d2da001b");

        var second = new AuditEntry(new DateTime(2025, 1, 31, 12, 0, 1, 500, DateTimeKind.Utc), "user:zoë", null, "instance.start", "instance:x", "ok");
        AuditHash.Compute(2, second, first).Should().Be("33beb34a9b0e218ff441e349ec44bb26c20dd881e29fb08ddf1d2caace38e08c");
    }

    [Fact]
    public void Compute_AnyFieldChanged_ChangesTheHash()
    {
        var original = AuditHash.Compute(7, Sample, AuditHash.Genesis);
        var variants = new[]
        {
            AuditHash.Compute(8, Sample, AuditHash.Genesis),
            AuditHash.Compute(7, Sample, new string('1', 64)),
            AuditHash.Compute(7, Sample with { Time = Sample.Time.AddTicks(1) }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { Actor = "agent:triage2" }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { OnBehalfOf = null }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { OnBehalfOf = string.Empty }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { Action = "step.model" }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { Target = "instance:abd" }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { Outcome = "failed" }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { InstanceId = null }, AuditHash.Genesis),
            AuditHash.Compute(7, Sample with { Details = """{"taskId":4,"name":"orchestrator.tool-call"}""" }, AuditHash.Genesis),
        };

        variants.Should().NotContain(original).And.OnlyHaveUniqueItems();
        original.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Compute_ValueThatLooksLikeAFieldBoundary_DoesNotCollide()
    {
        // Moving text between two neighbouring fields must change the form: each value carries its own length.
        var a = Sample with { Actor = "agent:x\n5:user", OnBehalfOf = "bob" };
        var b = Sample with { Actor = "agent:x", OnBehalfOf = "user\n3:bob" };

        AuditHash.Compute(1, a, AuditHash.Genesis).Should().NotBe(AuditHash.Compute(1, b, AuditHash.Genesis));
    }

    [Fact]
    public void FormatTime_LocalAndUnspecified_AreWrittenAsUtc()
    {
        var utc = new DateTime(2025, 6, 1, 8, 30, 0, DateTimeKind.Utc);

        AuditHash.FormatTime(utc.ToLocalTime()).Should().Be("2025-06-01T08:30:00.0000000Z");
        AuditHash.FormatTime(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)).Should().Be("2025-06-01T08:30:00.0000000Z");
    }

    [Fact]
    public async Task Verify_ChainWithAChangedGapOrMovedRecord_ReportsTheFirstBrokenSequence()
    {
        var chain = Chain(5);

        (await AuditChain.VerifyAsync(Stream(chain))).Should().Be(new AuditVerification(true, 5, null, null, chain[^1].Hash));
        (await AuditChain.VerifyAsync(Stream([]))).Should().Be(new AuditVerification(true, 0, null, null, null));

        var edited = chain.ToList();
        edited[2] = edited[2] with { Entry = edited[2].Entry with { Outcome = "failed" } };
        var verdict = await AuditChain.VerifyAsync(Stream(edited));
        (verdict.Ok, verdict.Records, verdict.FirstBrokenAt).Should().Be((false, 5L, 3L));
        verdict.Reason.Should().Contain("Record 3 was changed");

        var rehashed = edited.ToList();
        rehashed[2] = rehashed[2] with { Hash = AuditHash.Compute(3, rehashed[2].Entry, rehashed[2].PreviousHash) };
        (await AuditChain.VerifyAsync(Stream(rehashed))).FirstBrokenAt.Should().Be(4, "the next record still links to the original hash");

        var gap = chain.Where(r => r.Sequence != 2).ToList();
        var missing = await AuditChain.VerifyAsync(Stream(gap));
        (missing.FirstBrokenAt, missing.Records).Should().Be((2L, 4L));
        missing.Reason.Should().Contain("Record 2 is missing");

        var swapped = new[] { chain[0], chain[2], chain[1], chain[3], chain[4] };
        (await AuditChain.VerifyAsync(Stream(swapped))).FirstBrokenAt.Should().Be(2);
    }

    private static List<AuditRecord> Chain(int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditHash.Genesis;
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = Sample with { Time = Sample.Time.AddSeconds(seq), Target = "instance:" + seq };
            var hash = AuditHash.Compute(seq, entry, previous);
            records.Add(new AuditRecord(seq, entry, previous, hash));
            previous = hash;
        }

        return records;
    }

    private static IAsyncEnumerable<AuditRecord> Stream(IEnumerable<AuditRecord> records) => records.ToAsyncEnumerable();
}
