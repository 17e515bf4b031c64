namespace Orchestrator.Workflows.PriceComparison;

/// <summary>Input of <see cref="QuoteComparisonWorkflow"/>: what to buy and whom to ask.</summary>
/// <param name="Sku">The item to buy.</param>
/// <param name="Quantity">How many; at least 1.</param>
/// <param name="Suppliers">Whom to ask, each once. In this simulation a supplier named <c>busy-…</c> rate-limits the
/// first request (and answers on the retry 30 s later) and one named <c>closed-…</c> refuses to quote.</param>
/// <param name="ResponseWindow">How long suppliers have to answer; defaults to 5 minutes. Tests pass a few seconds.</param>
public sealed record QuoteComparisonRequest(
    string Sku,
    int Quantity,
    IReadOnlyList<string> Suppliers,
    TimeSpan? ResponseWindow = null)
{
    // Internal members are not serialized, so the JSON contract stays exactly the positional parameters above.
    internal TimeSpan Window => ResponseWindow ?? TimeSpan.FromMinutes(5);

    /// <summary>Rejects a request that cannot be compared; the message says what to fix.</summary>
    /// <exception cref="ArgumentException">The request is incomplete or inconsistent.</exception>
    internal void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new ArgumentException($"Cannot compare quotes: {problem}");
        }
    }

    // JSON can leave any field out whatever its nullability says, so every reference is checked.
    private string? FindProblem()
    {
        if (string.IsNullOrWhiteSpace(Sku))
        {
            return "'sku' is required.";
        }

        if (Quantity < 1)
        {
            return $"'quantity' must be at least 1, but was {Quantity}.";
        }

        if (Suppliers is not { Count: > 0 } || Suppliers.Any(string.IsNullOrWhiteSpace))
        {
            return "'suppliers' needs at least one supplier name, and no blank ones.";
        }

        if (Suppliers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Suppliers.Count)
        {
            return "'suppliers' lists a supplier twice; each is asked once.";
        }

        return Window <= TimeSpan.Zero ? "'responseWindow' must be positive." : null;
    }
}
