using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Orchestrator.Workflows.Mcp;

/// <summary>
/// A research library over a small built-in corpus. Each result echoes the idempotency key the caller sent in
/// <c>_meta</c>, so callers can check it arrived.
/// </summary>
[McpServerToolType]
public sealed class LibraryTools
{
    private static readonly Paper[] Corpus =
    [
        new("P-17", "Consumer adoption of connected kitchen appliances", 2025, "Surveys 4,000 households: 31% own a connected appliance; price and privacy are the main barriers."),
        new("P-42", "Repairability and lifetime of small appliances in the EU", 2026, "Spare-part availability extends median lifetime by 2.4 years; repair costs above 40% of price deter repair."),
        new("P-58", "Energy use of espresso machines in standby", 2024, "Auto-off after 30 minutes cuts annual energy use by 38% for single-boiler machines."),
    ];

    [McpServerTool(Name = "search_papers"), Description("Searches the library; returns matching papers' ids, titles and years.")]
    public static object SearchPapers(RequestContext<CallToolRequestParams> context, [Description("Words to look for.")] string query)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = Corpus.Where(p => words.Any(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || p.Abstract.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return new { query, papers = hits.Select(p => new { p.Id, p.Title, p.Year }), idempotencyKey = Key(context) };
    }

    [McpServerTool(Name = "get_abstract"), Description("Returns a paper's abstract by id.")]
    public static object GetAbstract(RequestContext<CallToolRequestParams> context, [Description("The paper id, e.g. P-17.")] string id)
    {
        var paper = Corpus.FirstOrDefault(p => p.Id == id) ?? throw new ArgumentException($"No paper has the id '{id}'.");
        return new { paper.Id, paper.Title, paper.Abstract, idempotencyKey = Key(context) };
    }

    private static string? Key(RequestContext<CallToolRequestParams> context) =>
        context.Params?.Meta?["orchestrator/idempotencyKey"]?.ToString();

    private sealed record Paper(string Id, string Title, int Year, string Abstract);
}
