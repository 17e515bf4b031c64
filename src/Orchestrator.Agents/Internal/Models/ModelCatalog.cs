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
    public const string BaseUrlVariable = "OPENAI_BASE_URL";
    public const string ApiKeyVariable = "OPENAI_API_KEY";
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public ModelSettings Get(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? ModelSettings.DefaultName : name;
        var prefix = $"Orchestrator:Models:{name}";
        var section = configuration.GetSection(prefix);

        // The default model may live in the environment alone (OPENAI_API_KEY, OPENAI_BASE_URL); any other is configured by name.
        if (!section.Exists() && name != ModelSettings.DefaultName)
        {
            throw new ModelNotConfiguredException(
                $"Model '{name}' is not configured: set {prefix}:Model and {prefix}:ApiKey (or {ApiKeyVariable}), " +
                $"and {prefix}:Endpoint for an OpenAI-compatible server other than OpenAI's.");
        }

        var provider = section["Provider"] ?? "openai";
        if (!string.Equals(provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelNotConfiguredException(
                $"{prefix}:Provider is '{provider}'; the supported provider is 'openai' (any OpenAI-compatible endpoint, see {prefix}:Endpoint).");
        }

        var apiKey = NonEmpty(section["ApiKey"]) ?? NonEmpty(configuration[ApiKeyVariable]);
        if (apiKey is null)
        {
            throw new ModelNotConfiguredException(
                $"Model '{name}' is not configured: set {prefix}:ApiKey (or the environment variable {ApiKeyVariable})" +
                (section["Model"] is null ? $" and {prefix}:Model (default {ModelSettings.DefaultModel})." : "."));
        }

        return new ModelSettings(
            name,
            "openai",
            Endpoint(section, prefix),
            apiKey,
            NonEmpty(section["Model"]) ?? ModelSettings.DefaultModel,
            new ModelPrices(Price(section, prefix, "InputPerMillion"), Price(section, prefix, "CachedInputPerMillion"), Price(section, prefix, "OutputPerMillion")),
            Timeout(section, prefix),
            Api(section, prefix));
    }

    public IChatClient GetChatClient(string? name)
    {
        var settings = Get(name);
        return _clients.GetOrAdd(settings.Name, _ => CreateClient(settings));
    }

    public decimal Cost(string? name, TokenUsage usage) => Get(name).Prices.Cost(usage);

    public IReadOnlyList<string> Names
    {
        get
        {
            var names = configuration.GetSection("Orchestrator:Models").GetChildren().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains(ModelSettings.DefaultName) && NonEmpty(configuration[ApiKeyVariable]) is not null)
            {
                names.Add(ModelSettings.DefaultName);
            }

            return [.. names.Order(StringComparer.Ordinal)];
        }
    }

    private static IChatClient CreateClient(ModelSettings settings)
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
    }

    private Uri? Endpoint(IConfigurationSection section, string prefix)
    {
        var (value, key) = NonEmpty(section["Endpoint"]) is { } own ? (own, $"{prefix}:Endpoint") : (NonEmpty(configuration[BaseUrlVariable]), BaseUrlVariable);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ModelNotConfiguredException($"{key} is '{value}'; it must be an absolute http(s) URL such as http://127.0.0.1:9000/v1.");
    }

    private static TimeSpan Timeout(IConfigurationSection section, string prefix)
    {
        var value = NonEmpty(section["TimeoutSeconds"]);
        if (value is null)
        {
            return ModelSettings.DefaultTimeout;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= int.MaxValue / 1000
            ? TimeSpan.FromSeconds(seconds)
            : throw new ModelNotConfiguredException($"{prefix}:TimeoutSeconds is '{value}'; it must be a positive number of seconds.");
    }

    private static decimal Price(IConfigurationSection section, string prefix, string key)
    {
        var value = NonEmpty(section[$"Prices:{key}"]);
        if (value is null)
        {
            return 0m;
        }

        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price >= 0
            ? price
            : throw new ModelNotConfiguredException($"{prefix}:Prices:{key} is '{value}'; it must be a non-negative number of US dollars per million tokens.");
    }

    private static string Api(IConfigurationSection section, string prefix) => NonEmpty(section["Api"])?.ToLowerInvariant() switch
    {
        null or "chat" => "chat",
        "responses" => "responses",
        var other => throw new ModelNotConfiguredException($"{prefix}:Api is '{other}'; use 'chat' (chat completions, the default) or 'responses' (the Responses API)."),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
