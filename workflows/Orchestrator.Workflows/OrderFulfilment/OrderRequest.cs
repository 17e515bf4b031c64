namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="OrderFulfilmentWorkflow"/>: a placed order.</summary>
/// <param name="OrderId">The shop's order number.</param>
/// <param name="CustomerId">Who placed it.</param>
/// <param name="Lines">What was ordered; at least one line.</param>
/// <param name="PaymentToken">The card token from checkout; null charges the card on file.
/// In this simulation the token <c>declined</c> is declined by the bank.</param>
/// <param name="ConfirmationTimeout">How long the warehouse has to confirm before the order is escalated;
/// defaults to 2 days. Tests pass a few seconds.</param>
/// <param name="CoolingOff">How long the customer may still cancel free of charge before the carrier is booked;
/// defaults to 30 minutes. Zero skips it.</param>
public sealed record OrderRequest(
    string OrderId,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    string? PaymentToken = null,
    TimeSpan? ConfirmationTimeout = null,
    TimeSpan? CoolingOff = null)
{
    // Internal members are not serialized, so the JSON contract stays exactly the positional parameters above.
    internal TimeSpan ConfirmationWindow => ConfirmationTimeout ?? TimeSpan.FromDays(2);

    internal TimeSpan CoolingOffPeriod => CoolingOff ?? TimeSpan.FromMinutes(30);

    internal decimal Total => Lines.Sum(line => line.Quantity * line.UnitPrice);

    /// <summary>
    /// Rejects an order that cannot be fulfilled before anything is reserved or charged: the engine records the
    /// message as the instance's failure, so it says exactly what to fix.
    /// </summary>
    /// <exception cref="ArgumentException">The order is incomplete or inconsistent.</exception>
    internal void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new ArgumentException($"Order '{OrderId}' cannot be fulfilled: {problem}");
        }
    }

    // JSON can leave any field out whatever its nullability says, so every reference is checked.
    private string? FindProblem()
    {
        if (string.IsNullOrWhiteSpace(OrderId))
        {
            return "'orderId' is required.";
        }

        if (string.IsNullOrWhiteSpace(CustomerId))
        {
            return "'customerId' is required.";
        }

        if (Lines is not { Count: > 0 })
        {
            return "'lines' needs at least one line.";
        }

        foreach (var line in Lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.Sku))
            {
                return "every line needs a 'sku'.";
            }

            if (line.Quantity < 1)
            {
                return $"line '{line.Sku}' has quantity {line.Quantity}; it must be at least 1.";
            }

            if (line.UnitPrice < 0)
            {
                return $"line '{line.Sku}' has a negative unit price ({line.UnitPrice}).";
            }
        }

        if (ConfirmationWindow <= TimeSpan.Zero)
        {
            return "'confirmationTimeout' must be positive.";
        }

        return CoolingOffPeriod < TimeSpan.Zero ? "'coolingOff' must not be negative." : null;
    }
}
