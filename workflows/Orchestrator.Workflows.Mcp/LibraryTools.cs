using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Orchestrator.Workflows.Mcp;

/// <summary>
/// A research library over a small built-in corpus. Every result echoes what the caller sent in the request's
/// <c>_meta</c> (idempotency key and principal pair), so callers can check that it arrived.
/// </summary>
[McpServerToolType]
public sealed class LibraryTools
{
    private static readonly Paper[] Corpus =
    [
        new("P-17", "Consumer adoption of connected kitchen appliances", 2025, "Surveys 4,000 households: 31% own a connected appliance; price and privacy are the main barriers."),
        new("P-42", "Repairability and lifetime of small appliances in the EU", 2026, "Spare-part availability extends median lifetime by 2.4 years; repair costs above 40% of price deter repair."),
        new("P-58", "Energy use of espresso machines in standby", 2024, "Auto-off after 30 minutes cuts annual energy use by 38% for single-boiler machines."),
        new("P-63", "Subscription models for coffee equipment", 2025, "Machine-as-a-service contracts raise customer lifetime value by 22% but churn after the first year."),
    ];

    [McpServerTool(Name = "search_papers"), Description("Searches the library; returns the matching papers' ids, titles and years.")]
    public static object SearchPapers(RequestContext<CallToolRequestParams> context, [Description("Words to look for in titles and abstracts.")] string query)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = Corpus.Where(p => words.Any(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || p.Abstract.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return new
        {
            query,
            papers = hits.Select(p => new { p.Id, p.Title, p.Year }),
            idempotencyKey = Meta(context, "idempotencyKey"),
            onBehalfOf = Meta(context, "onBehalfOf"),
            agent = Meta(context, "agent"),
        };
    }

    [McpServerTool(Name = "get_abstract"), Description("Returns a paper's abstract by its id.")]
    public static object GetAbstract(RequestContext<CallToolRequestParams> context, [Description("The paper id, e.g. P-17.")] string id)
    {
        // McpException: the message reaches the caller as the tool's error text.
        var paper = Corpus.FirstOrDefault(p => p.Id == id) ?? throw new McpException($"No paper has the id '{id}'. Search first to find ids.");
        return new { paper.Id, paper.Title, paper.Year, paper.Abstract, idempotencyKey = Meta(context, "idempotencyKey") };
    }

    private static string? Meta(RequestContext<CallToolRequestParams> context, string name) =>
        context.Params?.Meta?[$"orchestrator/{name}"]?.ToString();

    private sealed record Paper(string Id, string Title, int Year, string Abstract);
}
