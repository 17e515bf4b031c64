using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Models from <c>Orchestrator:Models:&lt;name&gt;:*</c>, with <c>OPENAI_BASE_URL</c>/<c>OPENAI_API_KEY</c> as fallbacks.</summary>
internal sealed class ModelCatalog(IConfiguration configuration) : IModelCatalog
{
    public const string DefaultName = "default";
    private const string DefaultModel = "gpt-4.1-mini";
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public ModelSettings Get(string? name)
    {
        name ??= DefaultName;
        var section = configuration.GetSection($"Orchestrator:Models:{name}");
        var prefix = $"Orchestrator:Models:{name}";
        if (!section.Exists() && name != DefaultName)
        {
            throw new ModelNotConfiguredException(
                $"Model '{name}' is not configured: set {prefix}:Model, {prefix}:Endpoint and {prefix}:ApiKey (or OPENAI_API_KEY).");
        }

        var provider = section["Provider"] ?? "openai";
        if (!string.Equals(provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelNotConfiguredException($"{prefix}:Provider is '{provider}'; the supported provider is 'openai' (any OpenAI-compatible endpoint).");
        }

        var apiKey = section["ApiKey"] ?? configuration["OPENAI_API_KEY"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ModelNotConfiguredException(
                $"Model '{name}' has no API key: set {prefix}:ApiKey or the environment variable OPENAI_API_KEY" +
                (section.Exists() ? "." : $" (and {prefix}:Model / {prefix}:Endpoint as needed)."));
        }

        var endpoint = section["Endpoint"] ?? configuration["OPENAI_BASE_URL"];
        return new ModelSettings(
            name,
            "openai",
            string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute),
            apiKey,
            section["Model"] ?? DefaultModel,
            new ModelPrices(Price(section, "InputPerMillion"), Price(section, "CachedInputPerMillion"), Price(section, "OutputPerMillion")),
            TimeSpan.FromSeconds(double.TryParse(section["TimeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) ? seconds : 100),
            Api(section, prefix));
    }

    public IChatClient GetChatClient(string? name)
    {
        var settings = Get(name);
        return _clients.GetOrAdd(settings.Name, _ =>
        {
            var options = new OpenAIClientOptions
            {
                NetworkTimeout = settings.Timeout,

                // The engine retries durably, per the step's policy; the SDK must not retry behind its back.
                RetryPolicy = new ClientRetryPolicy(0),
            };
            if (settings.Endpoint is not null)
            {
                options.Endpoint = settings.Endpoint;
            }

            var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey), options);
#pragma warning disable OPENAI001 // The Responses API client is marked for evaluation by the SDK; it is opt-in here (Api = responses).
            return settings.Api == "responses"
                ? client.GetResponsesClient().AsIChatClient(settings.Model)
                : client.GetChatClient(settings.Model).AsIChatClient();
#pragma warning restore OPENAI001
        });
    }

    private static string Api(IConfigurationSection section, string prefix) => section["Api"]?.ToLowerInvariant() switch
    {
        null or "" or "chat" => "chat",
        "responses" => "responses",
        var other => throw new ModelNotConfiguredException($"{prefix}:Api is '{other}'; use 'chat' (chat completions, the default) or 'responses' (the Responses API)."),
    };

    private static decimal Price(IConfigurationSection section, string key) =>
        decimal.TryParse(section[$"Prices:{key}"], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : 0m;
}
