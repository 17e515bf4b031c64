using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>Model settings from configuration (<c>Orchestrator:Models:&lt;name&gt;:*</c>), their fallbacks, errors and prices.</summary>
public sealed class ModelCatalogTests
{
    [Fact]
    public void Get_NameOnlyWithKey_UsesTheDefaults()
    {
        var catalog = Catalog(new() { ["Orchestrator:Models:triage:ApiKey"] = "sk-triage" });

        var settings = catalog.Get("triage");

        settings.Should().Be(new ModelSettings("triage", "openai", null, "sk-triage", "gpt-4.1-mini", new ModelPrices(0, 0, 0), TimeSpan.FromSeconds(100)));
    }

    [Fact]
    public void Get_EverythingConfigured_ReadsEveryKey()
    {
        var catalog = Catalog(new()
        {
            ["Orchestrator:Models:triage:Provider"] = "OpenAI",
            ["Orchestrator:Models:triage:Endpoint"] = "http://127.0.0.1:9000/v1",
            ["Orchestrator:Models:triage:ApiKey"] = "sk-triage",
            ["Orchestrator:Models:triage:Model"] = "gpt-4o-mini",
            ["Orchestrator:Models:triage:TimeoutSeconds"] = "12.5",
            ["Orchestrator:Models:triage:Prices:InputPerMillion"] = "0.15",
            ["Orchestrator:Models:triage:Prices:CachedInputPerMillion"] = "0.075",
            ["Orchestrator:Models:triage:Prices:OutputPerMillion"] = "0.6",
            ["Orchestrator:Models:triage:Api"] = "Responses",
        });

        var settings = catalog.Get("triage");

        settings.Should().Be(new ModelSettings(
            "triage", "openai", new Uri("http://127.0.0.1:9000/v1"), "sk-triage", "gpt-4o-mini", new ModelPrices(0.15m, 0.075m, 0.6m), TimeSpan.FromSeconds(12.5), "responses"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("default")]
    public void Get_NoName_IsTheDefaultModelWhichMayLiveInTheEnvironmentAlone(string? name)
    {
        var catalog = Catalog(new() { ["OPENAI_API_KEY"] = "sk-env", ["OPENAI_BASE_URL"] = "http://127.0.0.1:8080/v1/" });

        var settings = catalog.Get(name);

        settings.Name.Should().Be("default");
        settings.ApiKey.Should().Be("sk-env");
        settings.Endpoint.Should().Be(new Uri("http://127.0.0.1:8080/v1/"));
    }

    [Fact]
    public void Get_OwnKeysSet_WinOverTheEnvironment()
    {
        var catalog = Catalog(new()
        {
            ["OPENAI_API_KEY"] = "sk-env",
            ["OPENAI_BASE_URL"] = "http://127.0.0.1:8080/v1/",
            ["Orchestrator:Models:default:ApiKey"] = "sk-own",
            ["Orchestrator:Models:default:Endpoint"] = "https://models.example.com/v1/",
        });

        var settings = catalog.Get(null);

        (settings.ApiKey, settings.Endpoint).Should().Be(("sk-own", new Uri("https://models.example.com/v1/")));
    }

    [Fact]
    public void Get_UnknownModel_NamesTheKeysToSet()
    {
        var catalog = Catalog(new() { ["OPENAI_API_KEY"] = "sk-env" });

        var act = () => catalog.Get("triage");

        act.Should().Throw<ModelNotConfiguredException>().WithMessage(
            "Model 'triage' is not configured: set Orchestrator:Models:triage:Model and Orchestrator:Models:triage:ApiKey (or OPENAI_API_KEY)*Orchestrator:Models:triage:Endpoint*");
    }

    [Fact]
    public void Get_NoKeyAnywhere_NamesTheKeyAndTheVariable()
    {
        var catalog = Catalog(new() { ["Orchestrator:Models:triage:Model"] = "gpt-4o" });

        var act = () => catalog.Get("triage");

        act.Should().Throw<ModelNotConfiguredException>().WithMessage("*set Orchestrator:Models:triage:ApiKey (or the environment variable OPENAI_API_KEY)*");
    }

    [Fact]
    public void Get_DefaultWithNothingConfigured_NamesTheKeys()
    {
        var act = () => Catalog([]).Get(null);

        act.Should().Throw<ModelNotConfiguredException>().WithMessage("*Orchestrator:Models:default:ApiKey*OPENAI_API_KEY*Orchestrator:Models:default:Model*");
    }

    [Theory]
    [InlineData("Provider", "anthropic", "Orchestrator:Models:m:Provider is 'anthropic'*")]
    [InlineData("Endpoint", "not a url", "Orchestrator:Models:m:Endpoint is 'not a url'*absolute http(s) URL*")]
    [InlineData("Endpoint", "ftp://example.com/v1", "Orchestrator:Models:m:Endpoint*")]
    [InlineData("TimeoutSeconds", "soon", "Orchestrator:Models:m:TimeoutSeconds is 'soon'*")]
    [InlineData("TimeoutSeconds", "0", "Orchestrator:Models:m:TimeoutSeconds*positive*")]
    [InlineData("Prices:OutputPerMillion", "cheap", "Orchestrator:Models:m:Prices:OutputPerMillion is 'cheap'*")]
    [InlineData("Prices:InputPerMillion", "-1", "Orchestrator:Models:m:Prices:InputPerMillion*non-negative*")]
    [InlineData("Api", "assistants", "Orchestrator:Models:m:Api is 'assistants'*")]
    public void Get_InvalidValue_NamesTheKey(string key, string value, string message)
    {
        var catalog = Catalog(new() { ["Orchestrator:Models:m:ApiKey"] = "sk", [$"Orchestrator:Models:m:{key}"] = value });

        var act = () => catalog.Get("m");

        act.Should().Throw<ModelNotConfiguredException>().WithMessage(message);
    }

    [Fact]
    public void Get_InvalidBaseUrlVariable_NamesTheVariable()
    {
        var act = () => Catalog(new() { ["OPENAI_API_KEY"] = "sk", ["OPENAI_BASE_URL"] = "localhost:9000" }).Get(null);

        act.Should().Throw<ModelNotConfiguredException>().WithMessage("OPENAI_BASE_URL is 'localhost:9000'*");
    }

    [Fact]
    public void Cost_WithPrices_ChargesCachedInputAtItsOwnPrice()
    {
        var catalog = Catalog(new()
        {
            ["Orchestrator:Models:default:ApiKey"] = "sk",
            ["Orchestrator:Models:default:Prices:InputPerMillion"] = "2.50",
            ["Orchestrator:Models:default:Prices:CachedInputPerMillion"] = "1.25",
            ["Orchestrator:Models:default:Prices:OutputPerMillion"] = "10",
        });

        // 1,000 uncached input tokens at $2.50, 2,000 cached at $1.25, 500 output at $10 per million.
        catalog.Cost(null, new TokenUsage(3_000, 2_000, 500)).Should().Be(0.01m);
        catalog.Cost("default", new TokenUsage(1, 0, 0)).Should().Be(0.0000025m);
        catalog.Cost(null, TokenUsage.Zero).Should().Be(0m);
    }

    [Fact]
    public void Cost_WithoutPrices_IsZero()
    {
        var catalog = Catalog(new() { ["Orchestrator:Models:default:ApiKey"] = "sk" });

        catalog.Cost(null, new TokenUsage(1_000_000, 0, 1_000_000)).Should().Be(0m);
    }

    [Fact]
    public void Cost_UnknownModel_Throws()
    {
        var act = () => Catalog([]).Cost("triage", TokenUsage.Zero);

        act.Should().Throw<ModelNotConfiguredException>();
    }

    [Fact]
    public void GetChatClient_SameModel_IsBuiltOnce()
    {
        var catalog = Catalog(new() { ["Orchestrator:Models:default:ApiKey"] = "sk", ["Orchestrator:Models:other:ApiKey"] = "sk" });

        var first = catalog.GetChatClient(null);

        catalog.GetChatClient("default").Should().BeSameAs(first);
        catalog.GetChatClient("other").Should().NotBeSameAs(first);
        first.GetService<ChatClientMetadata>()!.DefaultModelId.Should().Be("gpt-4.1-mini");
    }

    [Fact]
    public void Settings_ToString_LeavesTheKeyOut()
    {
        var settings = Catalog(new() { ["Orchestrator:Models:default:ApiKey"] = "sk-secret" }).Get(null);

        settings.ToString().Should().NotContain("sk-secret").And.Contain("gpt-4.1-mini");
    }

    [Fact]
    public void Names_ConfiguredModels_AreListedInOrder()
    {
        var catalog = Catalog(new()
        {
            ["Orchestrator:Models:triage:ApiKey"] = "sk-triage",
            ["Orchestrator:Models:judge:Model"] = "gpt-4o",
        });

        catalog.Names.Should().Equal("judge", "triage");
    }

    [Fact]
    public void Names_DefaultFromTheEnvironmentOnly_IsListed()
    {
        var catalog = Catalog(new() { [ModelCatalog.ApiKeyVariable] = "sk-env" });

        catalog.Names.Should().Equal("default");
    }

    private static ModelCatalog Catalog(Dictionary<string, string?> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
