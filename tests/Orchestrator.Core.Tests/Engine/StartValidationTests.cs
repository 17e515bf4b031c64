using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>A start is checked before anything is written: the instance id, the input's shape, the input's size.</summary>
public sealed class StartValidationTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed record OrderLine(string Sku, int Quantity);

    public sealed record Order(string Customer, List<OrderLine> Lines, DateTime? Due = null);

    private static void Register(OrchestratorBuilder o)
    {
        o.AddWorkflow<Order, int>("order", (_, order) => Task.FromResult(order.Lines.Sum(l => l.Quantity)));
        o.AddWorkflow<int, int>("number", (_, n) => Task.FromResult(n));
        o.AddWorkflow<string, string>("orders-child", async (ctx, _) =>
        {
            try
            {
                return (await ctx.CallSubWorkflowAsync<int>("order", new { customer = "c", lines = "none" })).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (WorkflowTaskFailedException ex)
            {
                return ex.Failure.InnerFailure?.ErrorMessage ?? ex.Message;
            }
        });
    }

    [Theory]
    [InlineData("""{"customer":"acme","lines":[{"sku":"A","quantity":"two"}]}""", "$.lines[0].quantity", "a whole number (Int32)")]
    [InlineData("""{"customer":"acme","lines":{"sku":"A"}}""", "$.lines", "an array (List<OrderLine>)")]
    [InlineData("""{"customer":["acme"],"lines":[]}""", "$.customer", "a string (String)")]
    [InlineData("""{"customer":"acme","lines":[],"due":"tomorrow"}""", "$.due", "a date and time")]
    [InlineData("""[1,2]""", "the input as a whole", "an object (Order)")]
    public async Task StartAsync_InputOfTheWrongShape_IsRefusedNamingTheFieldAndTypeAndNothingIsWritten(string input, string where, string expected)
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var start = () => host.Client.StartAsync(new StartWorkflowRequest("order") { InstanceId = "o-1", InputJson = input });

        var refused = (await start.Should().ThrowAsync<WorkflowInputException>()).Which;
        refused.Message.Should().Contain("'order'").And.Contain(where).And.Contain(expected);
        (await host.Client.GetInstanceAsync("o-1")).Should().BeNull();
    }

    [Fact]
    public async Task StartAsync_InputThatFits_Runs()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var done = await host.RunAsync("order", new { customer = "acme", lines = new[] { new { sku = "A", quantity = 2 }, new { sku = "B", quantity = 3 } } });

        done.Output.Should().Be("5");
    }

    [Fact]
    public async Task CallSubWorkflow_InputOfTheWrongShape_FailsTheChildWithTheSameReadableMessage()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var done = await host.RunAsync("orders-child", "go");

        done.Output.Should().Contain("$.lines").And.Contain("an array (List<OrderLine>)");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("with space")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("bidi\u202Eid")]
    public async Task StartAsync_InstanceIdNotAllowed_IsRefusedByTheClientItself(string id)
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var start = () => host.Client.StartAsync(new StartWorkflowRequest("number") { InstanceId = id, InputJson = "1" });

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith("The instanceId must");
        (await host.Client.ListInstancesAsync(new InstanceQuery())).Items.Should().BeEmpty();
    }
}
