using Microsoft.CodeAnalysis.Text;

namespace Orchestrator.Analyzers.Tests;

/// <summary>Source with the expected diagnostic spans marked as <c>[|...|]</c>.</summary>
internal static class TestMarkup
{
    private const string Open = "[|";
    private const string Close = "|]";

    /// <summary>Removes the markers and returns the plain code and the marked spans, in order.</summary>
    public static (string Code, IReadOnlyList<TextSpan> Spans) Parse(string markup)
    {
        var code = new System.Text.StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var start = -1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, Open, 0, Open.Length) == 0)
            {
                start.Should().Be(-1, "markers do not nest");
                start = code.Length;
                i++;
            }
            else if (string.CompareOrdinal(markup, i, Close, 0, Close.Length) == 0)
            {
                start.Should().BeGreaterThanOrEqualTo(0, "every |] closes a [|");
                spans.Add(TextSpan.FromBounds(start, code.Length));
                start = -1;
                i++;
            }
            else
            {
                code.Append(markup[i]);
            }
        }

        start.Should().Be(-1, "every [| is closed");
        return (code.ToString(), spans);
    }
}
