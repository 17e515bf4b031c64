using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Agents.Tools;
using Orchestrator.Core.Hosting;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

public sealed class ToolRegistryTests
{
    [Fact]
    public async Task Invoke_UnknownTool_ThrowsToolNotFoundNamingTheToolsThereAre()
    {
        await using var tools = ToolHost.Create();

        await tools.Invoking(t => t.InvokeAsync("crm.nope", "{}"))
            .Should().ThrowAsync<ToolNotFoundException>().WithMessage("*'crm.nope'*crm.lookup*");
    }

    [Fact]
    public async Task Invoke_MalformedJson_ThrowsToolArgumentsBeforeTheToolRuns()
    {
        await using var tools = ToolHost.Create();

        await tools.Invoking(t => t.InvokeAsync("crm.lookup", "{oops"))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*arguments*not valid JSON*");
        await tools.Invoking(t => t.InvokeAsync("crm.lookup", "[\"A-1\"]"))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*must be a JSON object, not array*");
        tools.Ledger.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_MissingRequiredArguments_NamesEachOfThem()
    {
        await using var tools = ToolHost.Create();

        await tools.Invoking(t => t.InvokeAsync("billing.refund", "{}"))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'billing.refund'*'orderId', 'amount'*");
        await tools.Invoking(t => t.InvokeAsync("billing.refund", """{"orderId":"A-1"}"""))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*needs the argument(s) 'amount'*");
        tools.Ledger.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_ArgumentOfTheWrongType_NamesItAndTheTypeWanted()
    {
        await using var tools = ToolHost.Create();

        await tools.Invoking(t => t.InvokeAsync("billing.refund", """{"orderId":"A-1","amount":"lots"}"""))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'amount' must be number, not string*");
        await tools.Invoking(t => t.InvokeAsync("calendar.next-slot", """{"attendee":"ada","minutes":2.5}"""))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'minutes' must be integer*");
        tools.Ledger.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_NoArguments_CountsAsAnEmptyObject()
    {
        await using var tools = ToolHost.Create(new Dictionary<string, string?>());

        await tools.Invoking(t => t.InvokeAsync("crm.lookup", null))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'orderId'*");
    }

    [Fact]
    public async Task Start_SameNameForACSharpAndAnHttpTool_FailsNamingBothDeclarations()
    {
        using var folder = new TestDataFolder();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:crm.lookup:Url"] = "http://127.0.0.1:9/orders/{orderId}",
        });
        builder.Services.AddSingleton(new ToolLedger());
        builder.Services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = folder.Path);
            o.AddAgents(builder.Configuration).AddTools<OrderTools>();
        });
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Contain("'crm.lookup'")
            .And.Contain("C# method Orchestrator.Agents.Tests.Infrastructure.OrderTools.Lookup")
            .And.Contain("HTTP endpoint Orchestrator:Tools:Http:Endpoints:crm.lookup");
    }

    [Fact]
    public async Task Build_MalformedHttpOrMcpEntry_FailsNamingTheKeyToFix()
    {
        await using var noUrl = ToolHost.Create(new Dictionary<string, string?> { ["Orchestrator:Tools:Http:Endpoints:billing.void:Method"] = "POST" });
        await using var badSchema = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Http:Endpoints:billing.void:Url"] = "http://127.0.0.1:9/void",
            ["Orchestrator:Tools:Http:Endpoints:billing.void:Schema"] = "{not json",
        });
        await using var noCommand = ToolHost.Create(new Dictionary<string, string?> { ["Orchestrator:Tools:Mcp:files:WorkingDirectory"] = "/tmp" });
        await using var badTimeout = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Mcp:files:Command"] = "python3",
            ["Orchestrator:Tools:Mcp:files:ConnectTimeout"] = "forever",
        });

        await noUrl.Invoking(t => t.InvokeAsync("crm.lookup", """{"orderId":"A-1"}"""))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("Set Orchestrator:Tools:Http:Endpoints:billing.void:Url*");
        await badSchema.Invoking(t => t.InvokeAsync("crm.lookup", """{"orderId":"A-1"}"""))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("Orchestrator:Tools:Http:Endpoints:billing.void:Schema is not valid JSON*");
        await noCommand.Invoking(t => t.InvokeAsync("crm.lookup", """{"orderId":"A-1"}"""))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("Set Orchestrator:Tools:Mcp:files:Command*");
        await badTimeout.Invoking(t => t.InvokeAsync("crm.lookup", """{"orderId":"A-1"}"""))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("Orchestrator:Tools:Mcp:files:ConnectTimeout must be a time span*it is 'forever'.");
    }
}
