namespace Orchestrator.Core.Governance;

/// <summary>Filters and paging for reading audit records (newest first).</summary>
public sealed record AuditQuery
{
    /// <summary>The most records a page may hold.</summary>
    public const int MaxLimit = 500;

    /// <summary>Only records about this instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Only records whose actor, or the person acted for, is this (e.g. <c>user:alice</c>, <c>agent:triage</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>Only this action; a trailing <c>*</c> matches a prefix (<c>step.*</c>).</summary>
    public string? Action { get; init; }

    /// <summary>Only records whose actor, action, target, outcome or details contain this text (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Only records at or after this time.</summary>
    public DateTime? From { get; init; }

    /// <summary>Only records before this time.</summary>
    public DateTime? To { get; init; }

    /// <summary>The <see cref="AuditPage.NextCursor"/> of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}
