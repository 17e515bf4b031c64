using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Input;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orch audit</c>: the audit trail, newest first, following the server's pages up to <c>--limit</c>;
/// <c>orch audit --verify</c>: checks the hash chain end to end (exit 12 when it is broken).
/// </summary>
internal static class AuditCommand
{
    /// <summary>How many records are shown when <c>--limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page asked for in one request; longer listings follow <c>nextCursor</c>.</summary>
    public const int PageSize = 100;

    public static Command Create(CommandBinder binder)
    {
        var instance = new Option<string?>("--instance") { Description = "Only records about this instance", HelpName = "id" };
        var actor = new Option<string?>("--actor") { Description = "Only records of this actor, e.g. user:alice, agent:triage, system", HelpName = "actor" };
        var action = new Option<string?>("--action") { Description = "Only records of this action, e.g. approval.approved", HelpName = "action" };
        var search = new Option<string?>("--search") { Description = "Only records that mention this text", HelpName = "text" };
        var from = new Option<string?>("--from") { Description = "Only records at or after this time (2025-11-22T13:55, …Z, or 24h for a day ago)", HelpName = "time" };
        var to = new Option<string?>("--to") { Description = "Only records before this time", HelpName = "time" };
        var limit = Arguments.Limit($"At most this many records, newest first [default: {DefaultLimit}]");
        var verify = new Option<bool>("--verify") { Description = "Check the hash chain of the whole trail instead of listing (exit 12 when broken)" };
        var command = new Command("audit", "Show the audit trail (administrators), or verify its hash chain")
        {
            instance, actor, action, search, from, to, limit, verify,
        };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (start, end) = TimeArgument.ParseRange(parse.GetValue(from), parse.GetValue(to), context.Clock);
            var query = new AuditQuery(
                Arguments.NullIfBlank(parse.GetValue(instance)),
                Arguments.NullIfBlank(parse.GetValue(actor)),
                Arguments.NullIfBlank(parse.GetValue(action)),
                Arguments.NullIfBlank(parse.GetValue(search)),
                start,
                end);
            if (parse.GetValue(verify))
            {
                if (query != new AuditQuery() || parse.GetValue(limit) is not null)
                {
                    throw new UsageException("--verify checks the whole trail; leave out the filters and --limit");
                }

                return await VerifyAsync(context, cancellationToken);
            }

            var page = await ReadAsync(context.Api, query, parse.GetValue(limit) ?? DefaultLimit, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(PageJson(page.Raw, page.Page.NextCursor));
            }
            else
            {
                context.Render(AuditRenderer.Render(page.Page, context.Clock));
            }

            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>
    /// Reads pages until <paramref name="limit"/> records or the end of the trail. The records are kept both typed
    /// and as the server sent them, so <c>--json</c> prints the server's items unchanged, in one page-shaped document.
    /// </summary>
    internal static async Task<(AuditPage Page, IReadOnlyList<JsonElement> Raw)> ReadAsync(
        OrchestratorApiClient api, AuditQuery query, int limit, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        var raw = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var result = await api.ListAuditAsync(query with { Cursor = cursor, Limit = Math.Min(PageSize, limit - records.Count) }, cancellationToken);
            using var document = JsonDocument.Parse(result.Json);
            var items = document.RootElement.GetProperty("items").EnumerateArray().Select(item => item.Clone()).ToList();
            var take = Math.Min(items.Count, limit - records.Count);
            records.AddRange(result.Value.Items.Take(take));
            raw.AddRange(items.Take(take));
            cursor = result.Value.NextCursor;
            if (items.Count == 0)
            {
                // A page without records but with a cursor would loop for ever; the trail ends here.
                break;
            }
        }
        while (cursor is not null && records.Count < limit);

        return (new AuditPage(records, cursor), raw);
    }

    private static async Task<ExitCode> VerifyAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var result = await context.Api.VerifyAuditAsync(cancellationToken);
        if (context.Json)
        {
            context.WriteJson(result.Json);
        }
        else
        {
            context.Render(new Spectre.Console.Text(AuditRenderer.VerificationLine(result.Value)));
        }

        return result.Value.Ok ? ExitCode.Ok : ExitCode.AuditChainBroken;
    }

    /// <summary>The <c>--json</c> document, shaped like one server page: the records unchanged, and the cursor of what remains.</summary>
    private static string PageJson(IReadOnlyList<JsonElement> items, string? nextCursor)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item.GetRawText(), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("nextCursor", nextCursor);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
