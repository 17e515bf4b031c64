namespace Orchestrator.Agents.Models;

/// <summary>One configured model (<c>Orchestrator:Models:&lt;name&gt;:*</c>).</summary>
/// <param name="Name">The configured name (<c>default</c> where a step names none).</param>
/// <param name="Provider"><c>openai</c>: any OpenAI-compatible endpoint (<c>:Provider</c>).</param>
/// <param name="Endpoint">The base URL (<c>:Endpoint</c>, else <c>OPENAI_BASE_URL</c>), or null for OpenAI's.</param>
/// <param name="ApiKey">The key (<c>:ApiKey</c>, else <c>OPENAI_API_KEY</c>).</param>
/// <param name="Model">The provider's model id (<c>:Model</c>, default <c>gpt-4.1-mini</c>).</param>
/// <param name="Prices">Prices per million tokens (<c>:Prices:*</c>); zero when not configured.</param>
/// <param name="Timeout">How long one HTTP call may take (<c>:TimeoutSeconds</c>, default 100 s); a slower call is retried.</param>
/// <param name="Api"><c>chat</c> (chat completions, the default) or <c>responses</c> (the Responses API), from <c>:Api</c>.</param>
public sealed record ModelSettings(string Name, string Provider, Uri? Endpoint, string ApiKey, string Model, ModelPrices Prices, TimeSpan Timeout, string Api = "chat")
{
    /// <summary>The model used where a step names none.</summary>
    public const string DefaultName = "default";

    /// <summary>The provider model id used where <c>:Model</c> is not set.</summary>
    public const string DefaultModel = "gpt-4.1-mini";

    /// <summary>The HTTP timeout used where <c>:TimeoutSeconds</c> is not set.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>Leaves the key out, so settings can be logged.</summary>
    /// <returns>The settings without the key.</returns>
    public override string ToString() =>
        $"{Name}: {Provider} {Api} {Model} at {Endpoint?.ToString() ?? "OpenAI"} (timeout {Timeout.TotalSeconds} s, prices {Prices})";
}
