namespace Orchestrator.Server.Configuration;

/// <summary>
/// What one client may do before it is slowed down or summarised (<c>Orchestrator:Limits:*</c>): failed credential checks
/// (passwords, API keys at sign-in or as bearer keys) per client address and per user name or key, and how many audit
/// records the calls of an anonymous client may write per minute.
/// </summary>
/// <param name="CredentialFailuresPerAddress">Failed credential checks one address may make within <paramref name="CredentialFailureWindow"/>.</param>
/// <param name="CredentialFailuresPerUser">Failed checks against one user name, or with one API key, within the window.</param>
/// <param name="CredentialFailureWindow">How long a failure counts.</param>
/// <param name="AnonymousAuditRecordsPerMinute">Audit records one anonymous address may write in a minute; the rest become one record with their count.</param>
internal sealed record ClientLimits(
    int CredentialFailuresPerAddress,
    int CredentialFailuresPerUser,
    TimeSpan CredentialFailureWindow,
    int AnonymousAuditRecordsPerMinute)
{
    public const int DefaultCredentialFailuresPerAddress = 30;
    public const int DefaultCredentialFailuresPerUser = 5;
    public const int DefaultAnonymousAuditRecordsPerMinute = 5;
    public static readonly TimeSpan DefaultCredentialFailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>Reads the limits; a value that is not a positive whole number (or time span) fails at start, naming its key.</summary>
    public static ClientLimits Read(IConfiguration configuration) => new(
        (int)ConfigValues.GetLong(configuration, ConfigKeys.CredentialFailuresPerAddress, DefaultCredentialFailuresPerAddress, min: 1, max: int.MaxValue),
        (int)ConfigValues.GetLong(configuration, ConfigKeys.CredentialFailuresPerUser, DefaultCredentialFailuresPerUser, min: 1, max: int.MaxValue),
        ConfigValues.GetTimeSpan(configuration, ConfigKeys.CredentialFailureWindow, DefaultCredentialFailureWindow),
        (int)ConfigValues.GetLong(configuration, ConfigKeys.AnonymousAuditRecordsPerMinute, DefaultAnonymousAuditRecordsPerMinute, min: 1, max: int.MaxValue));
}
