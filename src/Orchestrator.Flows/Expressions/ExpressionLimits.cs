namespace Orchestrator.Flows.Expressions;

/// <summary>
/// The bounds every script and template of a flow runs inside, checked before the work they bound: a parser never
/// sees a source longer or more deeply nested than these, and no single call builds a string or a list past them. They
/// are fixed, not settings: they keep one node from taking the process down, and no flow needs more.
/// </summary>
internal static class ExpressionLimits
{
    /// <summary>The longest source of one script or template, in characters.</summary>
    public const int MaxSourceLength = 100_000;

    /// <summary>How deeply blocks (<c>{% if %}</c>, <c>{% for %}</c>, …) and brackets may nest in one template.</summary>
    public const int MaxTemplateNesting = 64;

    /// <summary>
    /// How deeply a value a flow computes or a node outputs may nest (objects in objects, arrays in arrays). Half of
    /// System.Text.Json's default of 64, so a value still reads with the default wherever it is wrapped (in the run view,
    /// the instance output, history) and every reader agrees.
    /// </summary>
    public const int MaxValueDepth = 32;

    /// <summary>The longest string one call of a script or a template may build, in characters (8 MB).</summary>
    public const int MaxStringLength = 4 * 1024 * 1024;

    /// <summary>The most items a Liquid range such as <c>(1..n)</c> may have.</summary>
    public const int MaxRangeItems = 10_000;

    /// <summary>
    /// The refusal of a source that is too long, or null when it is not. Says which limit, so the message can be put
    /// in front of the person who wrote it.
    /// </summary>
    public static string? SourceTooLong(string source) =>
        source.Length > MaxSourceLength
            ? $"it is {source.Length:N0} characters long, more than the limit of {MaxSourceLength:N0}"
            : null;

    /// <summary>
    /// How many times a replacement of <paramref name="pattern"/> applies in <paramref name="text"/> (an empty pattern
    /// matches between every two characters), to size a replace before it runs.
    /// </summary>
    public static double Occurrences(string text, string pattern)
    {
        if (pattern.Length == 0)
        {
            return text.Length + 1;
        }

        var count = 0;
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
