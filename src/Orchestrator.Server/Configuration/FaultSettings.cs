using System.Globalization;
using Orchestrator.Core;

namespace Orchestrator.Server.Configuration;

/// <summary>A crash-test fault armed from configuration (<c>Orchestrator:Faults:Point</c> and <c>:AfterHits</c>).</summary>
/// <param name="Point">The fault point.</param>
/// <param name="AfterHits">Which pass of the point kills the process (1 = the first).</param>
internal sealed record FaultSettings(FaultPoint Point, int AfterHits)
{
    /// <summary>Reads the fault settings; null when no point is configured.</summary>
    public static FaultSettings? Read(IConfiguration configuration)
    {
        var pointText = configuration[ConfigKeys.FaultPoint];
        var hitsText = configuration[ConfigKeys.FaultAfterHits];
        if (string.IsNullOrWhiteSpace(pointText))
        {
            return string.IsNullOrWhiteSpace(hitsText)
                ? null
                : throw new ServerConfigurationException(
                    $"Configuration '{ConfigKeys.FaultAfterHits}' is set but '{ConfigKeys.FaultPoint}' is not; set both or neither.");
        }

        if (!TryParsePoint(pointText, out var point))
        {
            var names = string.Join(", ", Enum.GetValues<FaultPoint>().Select(ToKebabCase));
            throw ConfigValues.Invalid(ConfigKeys.FaultPoint, pointText, $"one of {names}");
        }

        var afterHits = 1;
        if (!string.IsNullOrWhiteSpace(hitsText)
            && (!int.TryParse(hitsText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out afterHits) || afterHits < 1))
        {
            throw ConfigValues.Invalid(ConfigKeys.FaultAfterHits, hitsText, "a whole number of at least 1");
        }

        return new FaultSettings(point, afterHits);
    }

    /// <summary>Parses a point written in kebab case (<c>after-history-commit</c>) or as the enum name, ignoring case.</summary>
    public static bool TryParsePoint(string text, out FaultPoint point)
    {
        var compact = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<FaultPoint>())
        {
            if (string.Equals(candidate.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                point = candidate;
                return true;
            }
        }

        point = default;
        return false;
    }

    /// <summary>The kebab-case name of a point, e.g. <c>after-history-commit</c>.</summary>
    public static string ToKebabCase(FaultPoint point)
    {
        var name = point.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
