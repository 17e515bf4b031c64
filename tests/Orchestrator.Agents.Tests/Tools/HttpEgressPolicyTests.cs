using System.Net;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>The rules of the egress allow-list, and which resolved addresses a connection may use.</summary>
public sealed class HttpEgressPolicyTests
{
    [Theory]
    [InlineData("http://api.example.com/x", "api.example.com", true)]
    [InlineData("https://api.example.com:8443/x", "api.example.com", true)]
    [InlineData("https://api.example.com/x", "api.example.com:443", true)]
    [InlineData("http://api.example.com/x", "api.example.com:443", false)]
    [InlineData("https://eu.api.example.com/x", "*.example.com", true)]
    [InlineData("https://example.com/x", "*.example.com", false)]
    [InlineData("https://badexample.com/x", "*.example.com", false)]
    [InlineData("http://10.1.2.3:9000/x", "10.0.0.0/8", true)]
    [InlineData("http://11.1.2.3/x", "10.0.0.0/8", false)]
    [InlineData("http://[::1]:5000/x", "[::1]:5000", true)]
    [InlineData("http://[::1]:5001/x", "[::1]:5000", false)]
    [InlineData("http://[::ffff:127.0.0.1]/x", "127.0.0.1", true)]
    [InlineData("http://localhost/x", "127.0.0.1", false)]
    [InlineData("http://API.Example.COM./x", "api.example.com", true)]
    public void EnsureAllowed_HostAndPort_FollowTheRule(string url, string rule, bool allowed)
    {
        var policy = Policy(rule);

        var check = () => policy.EnsureAllowed(new Uri(url));

        if (allowed)
        {
            check.Should().NotThrow();
        }
        else
        {
            check.Should().Throw<ToolEgressDeniedException>().WithMessage("*Orchestrator:Tools:Http:AllowedHosts*");
        }
    }

    [Theory]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("10.0.0.5", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("fd00::2", "a private address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("::ffff:169.254.169.254", "a link-local address")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local address")]
    [InlineData("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [InlineData("0.0.0.0", "a reserved address")]
    [InlineData("::", "a reserved address")]
    public void Reachable_PublicNameResolvingToANonPublicAddress_IsRefusedNamingWhatItIs(string address, string kind)
    {
        var policy = Policy("api.example.com");

        var connect = () => policy.Reachable("api.example.com", 443, [IPAddress.Parse(address)]);

        connect.Should().Throw<ToolEgressDeniedException>().WithMessage($"*'api.example.com' resolves to*is {kind}*(\"api.example.com\")*Orchestrator:Tools:Http:AllowedHosts*");
    }

    [Fact]
    public void Reachable_NameResolvingToPublicAndPrivateAddresses_UsesOnlyThoseTheListAllows()
    {
        var resolved = new[] { IPAddress.Parse("10.0.0.5"), IPAddress.Parse("93.184.216.34") };

        Policy("api.example.com").Reachable("api.example.com", 443, resolved).Should().Equal(IPAddress.Parse("93.184.216.34"));
        Policy("api.example.com", "10.0.0.0/8").Reachable("api.example.com", 443, resolved).Should().Equal(resolved);
        Policy("api.example.com", "10.0.0.5:8080").Reachable("api.example.com", 443, resolved).Should().Equal(IPAddress.Parse("93.184.216.34"));
    }

    [Fact]
    public void Reachable_HostTheListDoesNotName_IsRefusedEvenIfItsAddressIsAllowed()
    {
        var connect = () => Policy("10.0.0.0/8").Reachable("intranet.example.com", 80, [IPAddress.Parse("10.0.0.5")]);

        connect.Should().Throw<ToolEgressDeniedException>().WithMessage("*'intranet.example.com' is outside the egress allow-list*");
    }

    [Fact]
    public void Default_IsLoopbackOnly_OnEveryPort()
    {
        var policy = new HttpEgressPolicy(new ConfigurationBuilder().Build());

        policy.Allowed.Should().Equal("127.0.0.1", "::1", "localhost");
        policy.Reachable("localhost", 5080, [IPAddress.Loopback]).Should().Equal(IPAddress.Loopback);
        policy.Invoking(p => p.EnsureAllowed(new Uri("http://127.0.0.2/"))).Should().Throw<ToolEgressDeniedException>().WithMessage("*(the default: loopback only)*");
    }

    [Theory]
    [InlineData("api.example.com:http")]
    [InlineData("api.example.com:0")]
    [InlineData("10.0.0.0/40")]
    [InlineData("exa mple.com")]
    [InlineData("[::1")]
    public void Constructor_MalformedRule_NamesTheSettingAndTheForms(string rule)
    {
        var create = () => Policy("api.example.com", rule);

        create.Should().Throw<InvalidOperationException>().WithMessage($"Orchestrator:Tools:Http:AllowedHosts:1 is '{rule}'; write a host name*");
    }

    [Fact]
    public void Constructor_SingleValueFromTheEnvironment_IsReadAsAList()
    {
        var policy = new HttpEgressPolicy(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Orchestrator:Tools:Http:AllowedHosts"] = "api.example.com; 10.0.0.5:8080" })
            .Build());

        policy.Allowed.Should().Equal("api.example.com", "10.0.0.5:8080");
    }

    private static HttpEgressPolicy Policy(params string[] rules) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(rules.Select((r, i) => KeyValuePair.Create($"Orchestrator:Tools:Http:AllowedHosts:{i}", (string?)r)))
            .Build());
}
