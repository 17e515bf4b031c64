namespace Orchestrator.Agents.Tests.Infrastructure;

/// <summary>Configuration shared by the agent tests.</summary>
internal static class TestSettings
{
    /// <summary>Prices of the default model, per million tokens.</summary>
    public static Dictionary<string, string?> Prices => new()
    {
        ["Orchestrator:Models:default:Prices:InputPerMillion"] = "2",
        ["Orchestrator:Models:default:Prices:CachedInputPerMillion"] = "0.5",
        ["Orchestrator:Models:default:Prices:OutputPerMillion"] = "8",
    };

    /// <summary>The prices plus more settings.</summary>
    public static Dictionary<string, string?> With(Dictionary<string, string?> more)
    {
        var all = Prices;
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }
}
