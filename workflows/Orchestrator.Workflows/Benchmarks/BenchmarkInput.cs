namespace Orchestrator.Workflows.Benchmarks;

/// <summary>Input checks shared by the benchmark samples.</summary>
internal static class BenchmarkInput
{
    /// <summary>
    /// Returns the count, or throws an <see cref="ArgumentException"/> whose message names the JSON field:
    /// the engine records the message as the instance's failure, and that is all the caller will see.
    /// </summary>
    /// <param name="count">The count from the input; null when the input itself was missing.</param>
    /// <param name="field">The JSON field name, e.g. <c>steps</c>.</param>
    /// <returns>The validated count.</returns>
    public static int RequireCount(int? count, string field) =>
        count switch
        {
            null => throw new ArgumentException($"Input is required: {{ \"{field}\": n }} with n >= 0."),
            < 0 => throw new ArgumentException($"'{field}' must be zero or more, but was {count}."),
            _ => count.Value,
        };
}
