using System.Globalization;
using System.Text;

namespace Orchestrator.Flows.Model;

/// <summary>
/// Definition ids made from a flow's name, for flows drawn without one: lower-case letters, digits and <c>-</c>
/// (<c>Refund request</c> becomes <c>refund-request</c>; accents are dropped where the runtime can decompose them), so the
/// id reads as the name wherever it is shown, and is a valid <see cref="Orchestrator.Core.Client.Identifiers">id</see>.
/// </summary>
internal static class FlowIds
{
    /// <summary>The longest derived id, before a <c>-2</c>, <c>-3</c> that makes it unique.</summary>
    public const int MaxLength = 60;

    /// <summary>The id a name reads as; <c>flow</c> for a name without letters or digits.</summary>
    public static string FromName(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-'); // accents go, everything else between words becomes one dash
            }

            if (slug.Length >= MaxLength)
            {
                break;
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? "flow" : id;
    }

    /// <summary>The first of <paramref name="id"/>, <c>id-2</c>, <c>id-3</c>, … that <paramref name="taken"/> says is free.</summary>
    public static async Task<string> UniqueAsync(string id, Func<string, Task<bool>> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = id;
        for (var n = 2; await taken(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }

        return candidate;
    }
}
