using System.Globalization;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch definitions list</c>.</summary>
internal static class DefinitionsRenderer
{
    public static IRenderable Render(DefinitionList definitions, TimeProvider clock)
    {
        if (definitions.Items.Count == 0)
        {
            return new Text("No flow definitions on this server; import one with 'orch definitions import <file>'.");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Definition", "Name", "Latest", "Versions", "Draft");
        foreach (var definition in definitions.Items)
        {
            table.AddRow(
                new Text(definition.DefinitionId, new Style(decoration: Decoration.Bold)),
                new Text(definition.Name ?? string.Empty),
                new Text(definition.LatestVersion?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(definition.Versions is { Count: > 0 } versions ? string.Join(", ", versions) : "-"),
                new Text(!definition.HasDraft ? "-"
                    : definition.DraftSavedAt is { } savedAt ? $"{TimeFormat.Relative(savedAt, clock)}{(definition.DraftSavedBy is { } by ? " by " + by : string.Empty)}"
                    : "yes"));
        }

        return table;
    }
}
