using System.Text;
using CsCheck;
using Orchestrator.Testing.Internal;

namespace Orchestrator.Testing.Tests;

/// <summary>How streamed text and arguments are cut: nothing lost, nothing reordered, no surrogate pair split.</summary>
public sealed class TextPiecesTests
{
    // Text from ASCII, accented letters, whitespace and emoji (surrogate pairs).
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Const(" "),
            Gen.Const("\n"),
            Gen.Const("é"),
            Gen.Const("📦"),
            Gen.Const("{\"k\":1}"))
        .Array[0, 60]
        .Select(string.Concat);

    [Fact]
    public void Words_AnyText_ConcatenatesBackToTheText()
    {
        Text.Sample(text =>
        {
            var pieces = TextPieces.Words(text).ToList();

            string.Concat(pieces).Should().Be(text);
            pieces.Should().NotContain(string.Empty);
        });
    }

    [Fact]
    public void Chunks_AnyText_ConcatenatesBackAndNeverSplitsASurrogatePair()
    {
        Gen.Select(Text, Gen.Int[1, 9]).Sample((text, size) =>
        {
            var pieces = TextPieces.Chunks(text, size).ToList();

            string.Concat(pieces).Should().Be(text);
            pieces.Should().NotContain(p => p.Length == 0 || p.Length > size + 1 || char.IsHighSurrogate(p[p.Length - 1]) || char.IsLowSurrogate(p[0]));
        });
    }

    [Fact]
    public void Words_Sentence_CutsAfterEachWhitespaceRun()
    {
        TextPieces.Words("Order 42  shipped.\n").Should().Equal("Order ", "42  ", "shipped.\n");
    }

    [Fact]
    public void Chunks_EmojiAtBoundary_KeepsThePairTogether()
    {
        var text = new StringBuilder("abc").Append("📦").Append("def").ToString();

        TextPieces.Chunks(text, 4).Should().Equal("abc📦", "def");
    }
}
