namespace Orchestrator.Testing.Internal;

/// <summary>Cuts text into the pieces a stream sends, the way a model streams tokens.</summary>
internal static class TextPieces
{
    /// <summary>Words with their trailing whitespace; "Order 42 shipped." streams as "Order ", "42 ", "shipped.".</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>Pieces of at most <paramref name="size"/> characters that never split a surrogate pair (for tool arguments).</summary>
    public static IEnumerable<string> Chunks(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + size, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            yield return text[start..end];
            start = end;
        }
    }
}
