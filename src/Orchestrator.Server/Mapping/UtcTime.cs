namespace Orchestrator.Server.Mapping;

/// <summary>Times leave the API as UTC with a <c>Z</c>; stores may hand them back with an unspecified kind.</summary>
internal static class UtcTime
{
    public static DateTime Normalize(DateTime value) =>
        value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
}
