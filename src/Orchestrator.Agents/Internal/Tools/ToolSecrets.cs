using Microsoft.Extensions.Configuration;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// Resolves <c>secret:NAME</c> values (HTTP tool headers, MCP server environment variables) when they are used, from
/// <c>Orchestrator:Secrets:NAME</c>, else the environment variable NAME, and remembers what it resolved so that the
/// values can be cut out of anything the tool returns. Secret values are never logged, never returned and never part
/// of an error message.
/// </summary>
internal sealed class ToolSecrets(IConfiguration configuration)
{
    public const string Prefix = "secret:";
    private const string Mask = "***";

    private readonly List<string> _resolved = [];

    /// <summary>
    /// The value itself, or the secret it names; null (with <paramref name="missing"/> saying what to set) when the
    /// secret is not set. <paramref name="place"/> names where the value is written, e.g. "The header 'X' of the tool 'y'".
    /// </summary>
    public string? Resolve(string value, string place, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(value);
        missing = null;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        var name = value[Prefix.Length..].Trim();
        var secret = configuration[$"Orchestrator:Secrets:{name}"] is { Length: > 0 } configured ? configured : Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(secret))
        {
            missing = $"{place} refers to the secret '{name}', which is not set: set Orchestrator:Secrets:{name} or the environment variable {name}.";
            return null;
        }

        _resolved.Add(secret);

        // "Bearer <token>": the token alone must not leak either.
        _resolved.AddRange(secret.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= 8));
        return secret;
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _resolved.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
