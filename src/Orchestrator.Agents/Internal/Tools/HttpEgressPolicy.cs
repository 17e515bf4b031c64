using System.Net;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// The egress allow-list of every outgoing HTTP request that configuration or a flow can aim (HTTP tools, flow HTTP
/// nodes, MCP servers over HTTP), from <c>Orchestrator:Tools:Http:AllowedHosts</c> (see <see cref="EgressRule"/>);
/// without the setting, loopback only (<c>127.0.0.1</c>, <c>::1</c>, <c>localhost</c>, every port). Checked twice, by
/// <see cref="EgressHttp"/>: the request's host and port before it is sent, and each address the host resolves to when
/// the connection is made, so a name cannot lead to an address the list does not allow.
/// </summary>
internal sealed class HttpEgressPolicy
{
    public const string Key = HttpToolEndpoint.Section + ":AllowedHosts";

    private static readonly string[] Loopback = ["127.0.0.1", "::1", "localhost"];

    private readonly IReadOnlyList<EgressRule> _rules;
    private readonly bool _default;

    public HttpEgressPolicy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = configuration.GetSection(Key).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (Key: $"{Key}:{c.Key}", Text: c.Value!))
            .ToList();

        // A single value (Orchestrator__Tools__Http__AllowedHosts=a;b in the environment) is read as a list too.
        if (entries.Count == 0 && configuration[Key] is { Length: > 0 } single)
        {
            entries = [.. single.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => (Key, t))];
        }

        _default = entries.Count == 0;
        _rules = _default
            ? [.. Loopback.Select(t => EgressRule.TryParse(t)!)]
            : [.. entries.Select(e => EgressRule.TryParse(e.Text) ?? throw new InvalidOperationException(
                $"{e.Key} is '{e.Text}'; write a host name (api.example.com), *.domain for its subdomains, an IP address (10.0.0.5, [::1]) " +
                "or a range (10.0.0.0/8), optionally with :port (api.example.com:443)."))];
    }

    /// <summary>The rules, as written.</summary>
    public IReadOnlyList<string> Allowed => [.. _rules.Select(r => r.Text)];

    /// <summary>Refuses a request whose host and port no rule allows, saying which rule to add.</summary>
    public void EnsureAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        EnsureAllowed(Host(uri.IdnHost), uri.Port);
    }

    /// <summary>
    /// The resolved addresses of <paramref name="host"/> the connection may use: those an address rule allows on the
    /// port, and, when a name rule allowed the host, the public ones. Refuses the connection when none is left.
    /// </summary>
    public IReadOnlyList<IPAddress> Reachable(string host, int port, IReadOnlyList<IPAddress> resolved)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(resolved);
        host = Host(host);
        var nameRule = EnsureAllowed(host, port);
        var reachable = new List<IPAddress>();
        var refused = new List<(IPAddress Address, string Kind)>();
        foreach (var address in resolved.Select(AddressScope.Normalize).Distinct())
        {
            var kind = AddressScope.Classify(address);
            if (_rules.Any(r => r.Covers(address) && r.AllowsPort(port)) || (nameRule is not null && kind is null))
            {
                reachable.Add(address);
            }
            else
            {
                refused.Add((address, kind ?? "an address"));
            }
        }

        if (reachable.Count > 0)
        {
            return reachable;
        }

        var (first, what) = refused.Count > 0 ? refused[0] : (IPAddress.None, "no address");
        var shown = first.ToString().Contains(':', StringComparison.Ordinal) ? $"[{first}]" : first.ToString();
        throw new ToolEgressDeniedException(
            $"'{host}' resolves to {string.Join(", ", refused.Select(r => r.Address))}; {first} is {what}, which a host name rule " +
            $"(\"{nameRule?.Text}\") does not reach: only an address rule makes a non-public address reachable. To allow it, add \"{shown}\" " +
            $"(or \"{shown}:{port}\", or its range) to {Key}, or call a host that resolves to a public address. {Now()}");
    }

    /// <summary>The rule that allows the host by name, or null when an address rule allows it (an IP literal).</summary>
    private EgressRule? EnsureAllowed(string host, int port)
    {
        var literal = IPAddress.TryParse(host, out var address) ? AddressScope.Normalize(address) : null;
        var matching = _rules.Where(r => literal is null ? r.Matches(host) : r.Covers(literal)).ToList();
        var shown = literal?.ToString().Contains(':', StringComparison.Ordinal) == true ? $"[{host}]" : host;
        if (matching.Count == 0)
        {
            throw new ToolEgressDeniedException(
                $"'{host}' is outside the egress allow-list. To allow it, add \"{shown}\" (every port) or \"{shown}:{port}\" (this port only) to {Key}. {Now()}");
        }

        var rule = matching.FirstOrDefault(r => r.AllowsPort(port)) ?? throw new ToolEgressDeniedException(
            $"Port {port} of '{host}' is outside the egress allow-list: {string.Join(", ", matching.Select(r => $"\"{r.Text}\""))} " +
            $"{(matching.Count == 1 ? "allows" : "allow")} only port {string.Join(", ", matching.Select(r => r.Port))}. To allow it, add \"{shown}:{port}\" to {Key}. {Now()}");
        return literal is null ? rule : null;
    }

    private string Now() => $"Allowed now: {string.Join(", ", Allowed)}{(_default ? " (the default: loopback only)" : string.Empty)}.";

    private static string Host(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
