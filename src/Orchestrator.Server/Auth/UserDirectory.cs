using System.Security.Cryptography;
using System.Text;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Auth;

/// <summary>
/// The users allowed to call the API, from <c>Orchestrator:Users:&lt;user&gt;:ApiKey</c> and <c>:Roles</c>.
/// Keys are kept only as SHA-256 hashes and looked up in constant time.
/// </summary>
internal sealed class UserDirectory
{
    /// <summary>The user created in Development when none is configured.</summary>
    public const string DevUserName = "dev";

    /// <summary>Its key.</summary>
    public const string DevUserKey = "dev-key";

    private readonly (byte[] KeyHash, ApiUser User)[] _entries;

    private UserDirectory((byte[] KeyHash, ApiUser User)[] entries, bool devUserCreated)
    {
        _entries = entries;
        DevUserCreated = devUserCreated;
    }

    /// <summary>The configured users.</summary>
    public IReadOnlyList<ApiUser> Users => [.. _entries.Select(e => e.User)];

    /// <summary>True when the Development-only <c>dev</c> user was created because no user was configured.</summary>
    public bool DevUserCreated { get; }

    /// <summary>Reads and validates the users; a user without a key, with an unknown role, or sharing a key fails at start.</summary>
    public static UserDirectory FromConfiguration(IConfiguration configuration, bool isDevelopment)
    {
        var entries = new List<(byte[] KeyHash, ApiUser User)>();
        foreach (var section in configuration.GetSection(ConfigKeys.Users).GetChildren())
        {
            var key = section["ApiKey"];
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{ConfigKeys.Users}:{section.Key}:ApiKey' is missing; give user '{section.Key}' an API key or remove the user.");
            }

            var user = new ApiUser(section.Key, ReadRoles(section));
            var hash = Hash(key.Trim());
            if (entries.Any(e => CryptographicOperations.FixedTimeEquals(e.KeyHash, hash)))
            {
                throw new ServerConfigurationException(
                    $"Configuration '{ConfigKeys.Users}:{section.Key}:ApiKey' is the same key as another user's; every user needs a key of its own.");
            }

            entries.Add((hash, user));
        }

        var devUserCreated = false;
        if (entries.Count == 0 && isDevelopment)
        {
            entries.Add((Hash(DevUserKey), new ApiUser(DevUserName, [Roles.Admin])));
            devUserCreated = true;
        }

        return new UserDirectory([.. entries], devUserCreated);
    }

    /// <summary>The user holding <paramref name="apiKey"/>, or null. Every entry is compared, so timing does not reveal which one matched.</summary>
    public ApiUser? FindByKey(string apiKey)
    {
        var hash = Hash(apiKey);
        ApiUser? found = null;
        foreach (var (keyHash, user) in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(keyHash, hash))
            {
                found = user;
            }
        }

        return found;
    }

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
}
