using System.Globalization;
using System.Net;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// One entry of <c>Orchestrator:Tools:Http:AllowedHosts</c>: a host name (<c>api.example.com</c>), the subdomains of
/// one (<c>*.example.com</c>, not the domain itself), an IP address (<c>10.0.0.5</c>, <c>::1</c> or <c>[::1]</c>) or an
/// address range (<c>10.0.0.0/8</c>), each optionally followed by <c>:port</c> (IPv6 in brackets then:
/// <c>[::1]:8080</c>). Without a port the rule allows every port. A name rule lets a request name the host, and the
/// connection go to the public addresses it resolves to; only an address rule makes a non-public address reachable.
/// </summary>
/// <param name="Text">The rule as written (trimmed, lower case).</param>
/// <param name="Name">The host name, or the domain of a <c>*.</c> rule; null for an address rule.</param>
/// <param name="Subdomains">True for <c>*.domain</c>.</param>
/// <param name="Addresses">The address or range of an address rule; null for a name rule.</param>
/// <param name="Port">The one port allowed, or null for every port.</param>
internal sealed record EgressRule(string Text, string? Name, bool Subdomains, IPNetwork? Addresses, int? Port)
{
    public static EgressRule? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rule = text.Trim().ToLowerInvariant();
        if (!TrySplitPort(rule, out var host, out var port))
        {
            return null;
        }

        host = host.TrimEnd('.');
        if (host.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(host, out var range) ? new EgressRule(rule, null, false, range, port) : null;
        }

        if (IPAddress.TryParse(host, out var address) && host.Contains(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? '.' : ':', StringComparison.Ordinal))
        {
            address = AddressScope.Normalize(address);
            return new EgressRule(rule, null, false, new IPNetwork(address, address.GetAddressBytes().Length * 8), port);
        }

        var subdomains = host.StartsWith("*.", StringComparison.Ordinal);
        var name = subdomains ? host[2..] : host;
        return Uri.CheckHostName(name) == UriHostNameType.Dns ? new EgressRule(rule, name, subdomains, null, port) : null;
    }

    public bool AllowsPort(int port) => Port is null || Port == port;

    public bool Matches(string host) =>
        Name is not null && (Subdomains ? host.EndsWith("." + Name, StringComparison.Ordinal) : string.Equals(host, Name, StringComparison.Ordinal));

    public bool Covers(IPAddress address) => Addresses is { } range && range.Contains(address);

    /// <summary>Splits <c>host:port</c>; a bare IPv6 address (more than one colon, no brackets) has no port.</summary>
    private static bool TrySplitPort(string rule, out string host, out int? port)
    {
        host = rule;
        port = null;
        string? portText = null;
        if (rule.StartsWith('['))
        {
            var close = rule.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            var rest = rule[(close + 1)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            host = rule[1..close] + (colon < 0 ? rest : rest[..colon]);
            portText = colon < 0 ? null : rest[(colon + 1)..];
        }
        else if (rule.Count(c => c == ':') == 1)
        {
            var colon = rule.IndexOf(':', StringComparison.Ordinal);
            host = rule[..colon];
            portText = rule[(colon + 1)..];
        }

        if (portText is null)
        {
            return host.Length > 0;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            return false;
        }

        port = number;
        return host.Length > 0;
    }
}
