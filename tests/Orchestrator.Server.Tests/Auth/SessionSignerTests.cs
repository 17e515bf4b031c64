using System.Security.Cryptography;
using CsCheck;
using Orchestrator.Server.Auth;

namespace Orchestrator.Server.Tests.Auth;

/// <summary>The cookie and CSRF parsers take whatever a client sends: no input may throw, and none but a signed one passes.</summary>
public sealed class SessionSignerTests
{
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SessionSigner Signer = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Text of every kind: any characters, base64url-looking runs of every length, padding, dots, spaces, huge values.</summary>
    private static readonly Gen<string> ClientText = Gen.OneOf(
        Gen.String,
        Gen.String[Base64UrlChars + "=.+/ \t%"],
        Gen.Char[Base64UrlChars].Array[0, 9].Select(c => new string(c)),
        Gen.Char[Base64UrlChars + "=% \t"].Array[0, 12].Select(c => new string(c)),
        Gen.Char[Base64UrlChars + "="].Array[0, 200].Select(c => new string(c)),
        Gen.Int[0, 3].Select(n => new string('a', n) + "." + new string('b', n)),
        Gen.Int[4_000, 70_000].Select(n => new string('A', n)),
        Gen.Select(Gen.String[Base64UrlChars], Gen.String[Base64UrlChars + "=%"], (a, b) => a + "." + b));

    [Theory]
    [InlineData("a.b")]
    [InlineData("a")]
    [InlineData(".")]
    [InlineData("a.")]
    [InlineData("=.=")]
    [InlineData("a===.b===")]
    [InlineData("0a.0a")]
    [InlineData("bA= .0A%")]
    [InlineData("%%%.***")]
    [InlineData("eyJVIjoiYWRtaW4iLCJTIjoieCIsIlQiOjQxMDI0NDQ4MDAwMDB9.AAAA")]
    public void Unprotect_MalformedValue_IsNoTicket(string value) =>
        Signer.Unprotect(value).Should().BeNull();

    [Fact]
    public void Unprotect_AnyClientText_NeverThrowsAndNeverPasses() =>
        ClientText.Sample(value => Signer.Unprotect(value) is null, iter: 20_000);

    [Theory]
    [InlineData("a")]
    [InlineData("a.b")]
    [InlineData("====")]
    [InlineData("0a")]
    [InlineData("0A%")]
    [InlineData("B\tA=")]
    [InlineData("not base64 at all!")]
    public void IsCsrfTokenValid_MalformedToken_IsFalse(string token) =>
        Signer.IsCsrfTokenValid("session", token).Should().BeFalse();

    [Fact]
    public void IsCsrfTokenValid_AnyClientText_NeverThrowsAndNeverPasses() =>
        ClientText.Sample(token => !Signer.IsCsrfTokenValid("session", token), iter: 20_000);

    [Fact]
    public void ProtectThenUnprotect_ReturnsTheTicket_AndItsCsrfTokenIsValid()
    {
        var ticket = new SessionTicket("alice", SessionSigner.NewSessionId(), new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        Signer.Unprotect(Signer.Protect(ticket)).Should().Be(ticket);
        Signer.IsCsrfTokenValid(ticket.SessionId, Signer.CsrfTokenFor(ticket.SessionId)).Should().BeTrue();
    }
}
