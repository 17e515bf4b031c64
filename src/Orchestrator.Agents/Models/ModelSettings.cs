namespace Orchestrator.Agents.Models;

/// <summary>One configured model (<c>Orchestrator:Models:&lt;name&gt;:*</c>).</summary>
/// <param name="Name">The configured name (<c>default</c> where a step names none).</param>
/// <param name="Provider"><c>openai</c>: any OpenAI-compatible endpoint.</param>
/// <param name="Endpoint">The base URL, or null for OpenAI's.</param>
/// <param name="ApiKey">The key.</param>
/// <param name="Model">The provider's model id.</param>
/// <param name="Prices">Prices per million tokens.</param>
/// <param name="Timeout">How long one call may take.</param>
/// <param name="Api"><c>chat</c> (chat completions, the default) or <c>responses</c> (the Responses API), from <c>:Api</c>.</param>
public sealed record ModelSettings(string Name, string Provider, Uri? Endpoint, string ApiKey, string Model, ModelPrices Prices, TimeSpan Timeout, string Api = "chat");
