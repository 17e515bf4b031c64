using System.CommandLine;
using Orchestrator.Cli.Rendering;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch definitions import|export|list</c>: designer flow definitions as Elsa 3 JSON files.</summary>
internal static class DefinitionsCommand
{
    public static Command Create(CommandBinder binder)
    {
        var command = new Command("definitions", "Import, export and list designer flow definitions (Elsa 3 JSON)")
        {
            Import(binder),
            Export(binder),
            List(binder),
        };
        return command;
    }

    private static Command Import(CommandBinder binder)
    {
        var file = new Argument<string>("file") { Description = "Elsa 3 workflow-definition JSON file" };
        var publish = new Option<bool>("--publish") { Description = "Publish it as the next version too (refused when it has problems)" };
        var command = new Command("import", "Import an Elsa 3 definition as the draft (and publish it with --publish)") { file, publish };
        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = Arguments.Required(parse, file);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read file '{path}': {ex.Message}");
            }

            var result = await context.Api.ImportDefinitionAsync(json, parse.GetValue(publish), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(result.Json);
                return ExitCode.Ok;
            }

            var imported = result.Value;
            context.Console.MarkupLine(imported.Version is { } version
                ? $"Imported [bold]{Markup.Escape(imported.DefinitionId)}[/] and published version {version}"
                : $"Imported [bold]{Markup.Escape(imported.DefinitionId)}[/] as a draft");
            foreach (var problem in imported.Problems ?? [])
            {
                context.Console.MarkupLine($"  [yellow]{Markup.Escape(problem.NodeId ?? "flow")}[/]: {Markup.Escape(problem.Message)}");
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command Export(CommandBinder binder)
    {
        var id = new Argument<string>("definitionId") { Description = "Definition id, as listed by 'orch definitions list'" };
        var format = new Option<string?>("--format") { Description = "Export format [default: elsa]", HelpName = "elsa" };
        var version = Arguments.Version("Published version [default: the latest, else the draft]");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout", HelpName = "file" };
        var command = new Command("export", "Export a definition as Elsa 3 JSON") { id, format, version, output };
        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var definitionId = Arguments.Required(parse, id);
            var chosen = Arguments.OneOf("--format", parse.GetValue(format), ["elsa"]) ?? "elsa";
            var json = await context.Api.ExportDefinitionAsync(definitionId, chosen, parse.GetValue(version), cancellationToken);
            if (Arguments.NullIfBlank(parse.GetValue(output)) is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, json.TrimEnd() + Environment.NewLine, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot write file '{path}': {ex.Message}");
                }

                if (!context.Json)
                {
                    context.Console.MarkupLine($"Exported [bold]{Markup.Escape(definitionId)}[/] to {Markup.Escape(path)}");
                }
            }
            else
            {
                // The definition itself is the output, with or without --json.
                context.WriteJson(json);
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command List(CommandBinder binder)
    {
        var command = new Command("list", "List the flow definitions with their published versions and drafts");
        binder.SetAction(command, async (context, _, cancellationToken) =>
        {
            context.Show(await context.Api.ListDefinitionsAsync(cancellationToken), d => DefinitionsRenderer.Render(d, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }
}
