using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// Which addresses are public. Everything else (loopback, private, link-local — where cloud metadata services answer —,
/// shared, multicast, documentation and reserved ranges) is reachable only through an address rule of the egress
/// allow-list that names it, never through a host name that happens to resolve to it.
/// </summary>
internal static class AddressScope
{
    private static readonly (IPNetwork Range, string Kind)[] NonPublic =
    [
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("fc00::/7"), "a private address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("0.0.0.0/8"), "a reserved address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a reserved address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a reserved address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a reserved address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        (IPNetwork.Parse("::/96"), "a reserved address"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a reserved address"),
        (IPNetwork.Parse("100::/64"), "a reserved address"),
        (IPNetwork.Parse("2001::/32"), "a reserved address"),
        (IPNetwork.Parse("2001:db8::/32"), "a reserved address"),
        (IPNetwork.Parse("2002::/16"), "a reserved address"),
        (IPNetwork.Parse("fec0::/10"), "a reserved address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>What kind of non-public address <paramref name="address"/> is (e.g. "a loopback address"), or null when it is public.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);

        // A NAT64 address reaches the IPv4 address embedded in its last 32 bits.
        if (Nat64.Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes().AsSpan(12, 4));
        }

        foreach (var (range, kind) in NonPublic)
        {
            if (range.Contains(address))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>An IPv4 address written as IPv6 (<c>::ffff:127.0.0.1</c>) as the IPv4 address it is, without a scope.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }
}
