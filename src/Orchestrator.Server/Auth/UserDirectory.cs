using System.Security.Cryptography;
using System.Text;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// The users allowed to call the API, from <c>Orchestrator:Users:&lt;user&gt;:ApiKey</c>, <c>:Password</c> and <c>:Roles</c>.
/// Keys are kept only as SHA-256 hashes and looked up in constant time; passwords only as PBKDF2 hashes.
/// </summary>
internal sealed class UserDirectory
{
    /// <summary>The user created in Development when none is configured.</summary>
    public const string DevUserName = "dev";

    /// <summary>Its key.</summary>
    public const string DevUserKey = "dev-key";

    // Checked when the user is unknown or has no password, so a wrong name costs as much time as a wrong password.
    private static readonly Lazy<PasswordHash> Decoy = new(() => PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    private readonly Entry[] _entries;

    private UserDirectory(Entry[] entries, bool devUserCreated)
    {
        _entries = entries;
        DevUserCreated = devUserCreated;
    }

    /// <summary>The configured users.</summary>
    public IReadOnlyList<ApiUser> Users => [.. _entries.Select(e => e.User)];

    /// <summary>True when the Development-only <c>dev</c> user was created because no user was configured.</summary>
    public bool DevUserCreated { get; }

    /// <summary>
    /// Reads and validates the users; a user with neither key nor password, with an unknown role, or sharing a key fails
    /// at start.
    /// </summary>
    public static UserDirectory FromConfiguration(IConfiguration configuration, bool isDevelopment)
    {
        var entries = new List<Entry>();
        foreach (var section in configuration.GetSection(ConfigKeys.Users).GetChildren())
        {
            var key = section["ApiKey"];
            var password = section["Password"];
            if (string.IsNullOrWhiteSpace(key) && string.IsNullOrEmpty(password))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{ConfigKeys.Users}:{section.Key}:ApiKey' is missing; give user '{section.Key}' an API key "
                    + $"or a password ('{ConfigKeys.Users}:{section.Key}:Password'), or remove the user.");
            }

            var user = new ApiUser(section.Key, ReadRoles(section));
            var hash = string.IsNullOrWhiteSpace(key) ? null : Hash(key.Trim());
            if (hash is not null && entries.Any(e => e.KeyHash is not null && CryptographicOperations.FixedTimeEquals(e.KeyHash, hash)))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{ConfigKeys.Users}:{section.Key}:ApiKey' is the same key as another user's; every user needs a key of its own.");
            }

            entries.Add(new Entry(hash, string.IsNullOrEmpty(password) ? null : PasswordHash.Create(password), user));
        }

        var devUserCreated = false;
        if (entries.Count == 0 && isDevelopment)
        {
            entries.Add(new Entry(Hash(DevUserKey), null, new ApiUser(DevUserName, [Roles.Admin])));
            devUserCreated = true;
        }

        return new UserDirectory([.. entries], devUserCreated);
    }

    /// <summary>The user holding <paramref name="apiKey"/>, or null. Every entry is compared, so timing does not reveal which one matched.</summary>
    public ApiUser? FindByKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var hash = Hash(apiKey);
        ApiUser? found = null;
        foreach (var entry in _entries)
        {
            if (entry.KeyHash is not null && CryptographicOperations.FixedTimeEquals(entry.KeyHash, hash))
            {
                found = entry.User;
            }
        }

        return found;
    }

    /// <summary>
    /// The user named <paramref name="name"/> when <paramref name="password"/> is its password, else null. An unknown user,
    /// a user without a password and a wrong password take the same time.
    /// </summary>
    public ApiUser? FindByPassword(string name, string password)
    {
        var entry = Find(name);
        var matches = (entry?.Password ?? Decoy.Value).Matches(password);
        return matches && entry?.Password is not null ? entry.User : null;
    }

    /// <summary>The user named <paramref name="name"/> (configuration keys ignore case), or null.</summary>
    public ApiUser? FindByName(string name) => Find(name)?.User;

    private Entry? Find(string name) =>
        _entries.FirstOrDefault(e => string.Equals(e.User.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string[] ReadRoles(IConfigurationSection user)
    {
        var section = user.GetSection("Roles");
        var roles = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(c => c.Value?.Trim() ?? string.Empty)];
        if (roles.Length == 0)
        {
            throw new ServerConfigurationException(
                $"Configuration '{section.Path}' is empty; give user '{user.Key}' at least one of {string.Join(", ", Roles.All)}.");
        }

        var normalized = new string[roles.Length];
        for (var i = 0; i < roles.Length; i++)
        {
            normalized[i] = roles[i].ToLowerInvariant();
            if (!Roles.All.Contains(normalized[i]))
            {
                throw ConfigValues.Invalid(section.Path, roles[i], $"a list of roles from {string.Join(", ", Roles.All)}");
            }
        }

        return normalized;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Entry(byte[]? KeyHash, PasswordHash? Password, ApiUser User);
}
