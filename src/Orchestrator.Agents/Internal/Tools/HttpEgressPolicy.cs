using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// The egress boundary of HTTP tools: a request may go only to a host listed in
/// <c>Orchestrator:Tools:Http:AllowedHosts</c> (exact names or IP addresses, or <c>*.example.com</c> for the
/// subdomains of one); without the setting, only loopback. Checked before any connection is made.
/// </summary>
internal sealed class HttpEgressPolicy
{
    public const string Key = HttpToolEndpoint.Section + ":AllowedHosts";

    private static readonly string[] Loopback = ["127.0.0.1", "localhost", "::1"];

    private readonly IReadOnlyList<string> _allowed;

    public HttpEgressPolicy(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Key).GetChildren().Select(c => c.Value).OfType<string>().Select(Normalize).Where(h => h.Length > 0).ToList();

        // A single value (Orchestrator__Tools__Http__AllowedHosts=a;b in the environment) is read as a list too.
        if (configured.Count == 0 && configuration[Key] is { Length: > 0 } single)
        {
            configured = [.. single.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize)];
        }

        _allowed = configured.Count > 0 ? configured : Loopback;
    }

    /// <summary>The allowed hosts (as configured, or loopback).</summary>
    public IReadOnlyList<string> Allowed => _allowed;

    /// <summary>Whether a request to <paramref name="uri"/> stays inside the allow-list (also used by flows' HTTP nodes).</summary>
    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = Normalize(uri.IdnHost);
        return _allowed.Any(allowed => Matches(allowed, host));
    }

    public void EnsureAllowed(Uri uri, string tool)
    {
        var host = Normalize(uri.IdnHost);
        if (!Allows(uri))
        {
            throw new ToolEgressDeniedException(
                $"The tool '{tool}' may not reach the host '{host}': it is outside the egress allow-list. To allow it, add \"{host}\" to {Key} (allowed now: {string.Join(", ", _allowed)}).");
        }
    }

    private static bool Matches(string allowed, string host) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.Ordinal)
            : string.Equals(allowed, host, StringComparison.Ordinal);

    private static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
