using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Auth;

/// <summary>
/// A password kept only as a salted PBKDF2 (HMAC-SHA512) hash; checking a candidate costs the same work whether or not it
/// matches, and the comparison is constant time.
/// </summary>
internal sealed class PasswordHash
{
    /// <summary>OWASP's recommendation for PBKDF2-HMAC-SHA512.</summary>
    public const int Iterations = 210_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public static PasswordHash Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(salt, Derive(password, salt));
    }

    /// <summary>Whether <paramref name="candidate"/> is the password.</summary>
    public bool Matches(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return CryptographicOperations.FixedTimeEquals(Derive(candidate, _salt), _hash);
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
}
