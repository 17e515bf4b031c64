using Orchestrator.Core.Governance;
using Orchestrator.Server.Contracts;

namespace Orchestrator.Server.Mapping;

/// <summary>Maps audit records and verification results to the API's shapes.</summary>
internal static class AuditMapper
{
    public static AuditPageResponse ToResponse(AuditPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new AuditPageResponse([.. page.Items.Select(ToItem)], page.NextCursor);
    }

    public static AuditItem ToItem(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Entry;
        return new AuditItem(
            record.Sequence, UtcTime.Normalize(e.Time), e.Actor, e.OnBehalfOf, e.Action, e.Target, e.Outcome, e.InstanceId,
            JsonText.ToElement(e.Details), record.PreviousHash, record.Hash);
    }

    public static AuditVerifyResponse ToResponse(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return new AuditVerifyResponse(verification.Ok, verification.Records, verification.FirstBrokenAt, verification.Reason, verification.LastHash);
    }
}
