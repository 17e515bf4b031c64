using System.Globalization;

namespace Orchestrator.Server.Configuration;

/// <summary>Typed reads of single configuration values that fail with a message naming the key and the expected form.</summary>
internal static class ConfigValues
{
    public static bool GetBool(IConfiguration configuration, string key, bool defaultValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw Invalid(key, text, "true or false");
    }

    public static long GetLong(IConfiguration configuration, string key, long defaultValue, long min, long max = long.MaxValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, text, max == long.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");
    }

    public static TimeSpan GetTimeSpan(IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw Invalid(key, text, "a positive time span such as 00:00:15");
    }

    public static ServerConfigurationException Invalid(string key, string? value, string expected) =>
        new($"Configuration '{key}' is '{value}', but it must be {expected}.");
}
