using System.Text.RegularExpressions;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>Fills <c>{{ name }}</c> placeholders in an agent's instructions; unknown names stay as written.</summary>
internal static partial class InstructionTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
