using CsCheck;
using Orchestrator.Server.Endpoints;

namespace Orchestrator.Server.Tests.Endpoints;

public sealed class NameRulesTests
{
    [Fact]
    public void Check_PrintableNamesUpTo200WithoutSlash_AreAccepted() =>
        Gen.String[Gen.Char.AlphaNumeric, 1, NameRules.MaxLength]
            .Sample(name => NameRules.Check(name, "instanceId").Should().BeNull());

    [Fact]
    public void Check_AnyNameWithASlash_IsRejected() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 50], Gen.String[Gen.Char.AlphaNumeric, 0, 50])
            .Sample((before, after) => NameRules.Check(before + "/" + after, "instanceId").Should().Contain("'/'"));

    [Fact]
    public void Check_AnyNameWithAControlCharacter_IsRejected() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 50], Gen.Char['\0', '\x1f'])
            .Sample((name, control) => NameRules.Check(name + control, "instanceId").Should().NotBeNull());

    [Theory]
    [InlineData(0x200B)]
    [InlineData(0x200D)]
    [InlineData(0x202E)]
    [InlineData(0x2066)]
    [InlineData(0xFEFF)]
    [InlineData(0x2028)]
    [InlineData(0xD800)]
    public void Check_InvisibleOrReorderingCharacter_IsRejectedNamingIt(int code) =>
        NameRules.Check("approve" + (char)code + "d", "event name").Should().Contain($"U+{code:X4}");

    [Fact]
    public void Check_LettersBeyondAsciiAndPairedSurrogates_AreAccepted() =>
        NameRules.Check("Bestätigung-✓-😀", "event name").Should().BeNull();

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Check_EmptyOrTooLong_IsRejected(int length) =>
        NameRules.Check(new string('a', length), "instanceId").Should().Contain("1 to 200");
}
