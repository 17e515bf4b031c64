namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Times are stored as INTEGER ticks in UTC, so they sort and compare in SQL without parsing.</summary>
internal static class StoreTime
{
    /// <summary>Ticks of a time taken as UTC; a local time is converted first, an unspecified one is taken as UTC.</summary>
    public static long ToTicks(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}
