namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Reads a Liquid source before Fluid does, because Fluid's parser and renderer recurse once per nesting level and a
/// template with a few thousand nested blocks, brackets, filters or <c>and</c>/<c>or</c> operators overflows the stack
/// and ends the process. The scan is linear, honours quoted strings (so a <c>}}</c> or a bracket inside one hides
/// nothing) and skips what Fluid does not parse (<c>raw</c>, <c>comment</c>, inline comments).
/// </summary>
internal static class LiquidLimits
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "if", "unless", "case", "for", "tablerow", "capture", "ifchanged" };

    /// <summary>What is wrong with the source (too long, nested or chained too deeply), or null when Fluid may parse it.</summary>
    public static string? Check(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ExpressionLimits.SourceTooLong(source) is { } tooLong)
        {
            return $"the template is too long: {tooLong}";
        }

        var depth = 0;
        var i = 0;
        while (i < source.Length - 1)
        {
            var open = source.IndexOf('{', i);
            if (open < 0 || open + 1 >= source.Length)
            {
                return null;
            }

            var kind = source[open + 1];
            if (kind is not ('{' or '%'))
            {
                i = open + 1;
                continue;
            }

            var (end, error) = ScanTag(source, open + 2, kind == '{' ? '}' : '%');
            if (error is not null || end < 0)
            {
                return error; // an unclosed tag is the parser's to report
            }

            i = end + 2;
            if (kind == '{')
            {
                continue;
            }

            var body = source.AsSpan(open + 2, end - open - 2).Trim('-').Trim();
            var name = FirstWord(body);
            if (name is "raw" or "comment")
            {
                var close = source.IndexOf("end" + name, i, StringComparison.Ordinal);
                i = close < 0 ? source.Length : close;
                continue;
            }

            if (name == "liquid")
            {
                foreach (var line in body[name.Length..].ToString().Split('\n'))
                {
                    if (Nest(FirstWord(line.AsSpan().Trim()), ref depth) is { } lineError)
                    {
                        return lineError;
                    }
                }

                continue;
            }

            if (Nest(name, ref depth) is { } nestError)
            {
                return nestError;
            }
        }

        return null;
    }

    private static string? Nest(string name, ref int depth)
    {
        if (Blocks.Contains(name))
        {
            depth++;
            if (depth > ExpressionLimits.MaxTemplateNesting)
            {
                return $"its blocks ({{% {name} %}} and the like) nest more than {ExpressionLimits.MaxTemplateNesting} deep";
            }
        }
        else if (name.StartsWith("end", StringComparison.Ordinal) && depth > 0)
        {
            depth--;
        }

        return null;
    }

    /// <summary>
    /// Finds where a tag that starts at <paramref name="from"/> ends (the index of its closing <c>}}</c> or <c>%}</c>,
    /// -1 when it does not close), counting the brackets and chains inside it.
    /// </summary>
    private static (int End, string? Error) ScanTag(string source, int from, char closing)
    {
        var brackets = 0;
        var chain = 0;
        for (var i = from; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\'' or '"':
                    i = SkipString(source, i);
                    break;
                case '(' or '[':
                    if (++brackets > ExpressionLimits.MaxTemplateNesting)
                    {
                        return (-1, $"its brackets nest more than {ExpressionLimits.MaxTemplateNesting} deep");
                    }

                    break;
                case ')' or ']':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '|':
                    chain++;
                    break;
                default:
                    if (c == closing && i + 1 < source.Length && source[i + 1] == '}')
                    {
                        return (i, null);
                    }

                    if (IsWordAt(source, i, "or") || IsWordAt(source, i, "and"))
                    {
                        chain++;
                    }

                    break;
            }

            if (chain > ExpressionLimits.MaxTemplateNesting)
            {
                return (-1, $"one tag chains more than {ExpressionLimits.MaxTemplateNesting} filters or and/or operators");
            }
        }

        return (-1, null);
    }

    private static int SkipString(string source, int quoteAt)
    {
        var quote = source[quoteAt];
        for (var i = quoteAt + 1; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == quote)
            {
                return i;
            }
        }

        return source.Length;
    }

    private static bool IsWordAt(string source, int at, string word) =>
        string.CompareOrdinal(source, at, word, 0, word.Length) == 0
        && (at == 0 || !IsWordChar(source[at - 1]))
        && (at + word.Length >= source.Length || !IsWordChar(source[at + word.Length]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private static string FirstWord(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && !char.IsWhiteSpace(text[length]) && text[length] is not ('-' or '%'))
        {
            length++;
        }

        return text[..length].ToString();
    }
}
