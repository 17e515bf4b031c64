using Orchestrator.Workflows.OrderFulfilment;

namespace Orchestrator.Workflows.Tests.OrderFulfilment;

public class OrderRequestTests
{
    private static readonly OrderRequest Valid = new("o-1", "c-1", [new OrderLine("ABC-1", 2, 9.99m), new OrderLine("XYZ-2", 1, 100m)]);

    [Fact]
    public void Validate_CompleteOrder_Passes()
    {
        Valid.Invoking(order => order.Validate()).Should().NotThrow();
        Valid.Total.Should().Be(119.98m);
    }

    [Fact]
    public void Defaults_LeaveOutTheKnobs_AreRealistic()
    {
        Valid.ConfirmationWindow.Should().Be(TimeSpan.FromDays(2));
        Valid.CoolingOffPeriod.Should().Be(TimeSpan.FromMinutes(30));
    }

    public static TheoryData<OrderRequest, string> InvalidOrders => new()
    {
        { Valid with { OrderId = " " }, "'orderId' is required" },
        { Valid with { CustomerId = null! }, "'customerId' is required" },
        { Valid with { Lines = [] }, "'lines' needs at least one line" },
        { Valid with { Lines = null! }, "'lines' needs at least one line" },
        { Valid with { Lines = [new OrderLine("ABC-1", 0, 1m)] }, "line 'ABC-1' has quantity 0" },
        { Valid with { Lines = [new OrderLine("ABC-1", 1, -1m)] }, "line 'ABC-1' has a negative unit price" },
        { Valid with { ConfirmationTimeout = TimeSpan.Zero }, "'confirmationTimeout' must be positive" },
        { Valid with { CoolingOff = TimeSpan.FromMinutes(-1) }, "'coolingOff' must not be negative" },
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public void Validate_IncompleteOrder_ThrowsArgumentExceptionSayingWhatToFix(OrderRequest order, string problem)
    {
        order.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage($"*{problem}*");
    }
}
