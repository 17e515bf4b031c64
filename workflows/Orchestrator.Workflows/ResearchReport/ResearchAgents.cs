using Orchestrator.Agents;

namespace Orchestrator.Workflows.ResearchReport;

/// <summary>Three researchers with different sources, and a writer who merges their findings.</summary>
public static class ResearchAgents
{
    public static AgentDefinition Market { get; } = Researcher(
        "researcher-market",
        "market figures and trends",
        [ResearchTools.MarketFigures]);

    /// <summary>Reads the research library through the MCP server shipped in workflows/Orchestrator.Workflows.Mcp.</summary>
    public static AgentDefinition Literature { get; } = Researcher(
        "researcher-literature",
        "published papers",
        ["mcp:library.search_papers", "mcp:library.get_abstract"]);

    public static AgentDefinition Risks { get; } = Researcher(
        "researcher-risks",
        "risks, regulation and open questions",
        [ResearchTools.RegulatoryNotes]);

    public static AgentDefinition Writer { get; } = new()
    {
        Name = "report-writer",
        Description = "Merges research findings into a short report.",
        Instructions = """
            You write concise research reports. Merge the findings you are given into a report with the sections
            Summary, Findings (with the source of each), Risks and Open questions. Do not invent facts.
            """,
        Limits = new AgentLimits { MaxTurns = 3 },
    };

    private static AgentDefinition Researcher(string name, string focus, IReadOnlyList<string> tools) => new()
    {
        Name = name,
        Description = $"Researches {focus}.",
        Instructions = $$$"""
            You are a researcher focused on {{{focus}}}. Use your tools to gather facts about the topic, then answer with
            a bullet list of findings, each with its source. Topic: {{ input }}
            """,
        Tools = tools,
        Limits = new AgentLimits { MaxTurns = 6, MaxCostUsd = 0.25m },
    };
}
