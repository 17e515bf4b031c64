using Microsoft.Extensions.Configuration;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Tests.Configuration;

public sealed class UserDirectoryTests
{
    [Fact]
    public void FindByKey_ReturnsTheUserHoldingTheKey()
    {
        var users = UserDirectory.FromConfiguration(
            Config(
                ("Orchestrator:Users:alice:ApiKey", "a-key"),
                ("Orchestrator:Users:alice:Roles:0", "developer"),
                ("Orchestrator:Users:alice:Roles:1", "Analyst"),
                ("Orchestrator:Users:bob:ApiKey", "b-key"),
                ("Orchestrator:Users:bob:Roles", "viewer, approver")),
            isDevelopment: false);

        users.FindByKey("a-key").Should().Be(users.Users.Single(u => u.Name == "alice"));
        users.FindByKey("a-key")!.Roles.Should().Equal("developer", "analyst");
        users.FindByKey("b-key")!.Roles.Should().Equal("viewer", "approver");
        users.FindByKey("a-ke").Should().BeNull();
        users.FindByKey(string.Empty).Should().BeNull();
    }

    [Fact]
    public void FromConfiguration_NoUsersInDevelopment_CreatesTheDevAdmin()
    {
        var users = UserDirectory.FromConfiguration(Config(), isDevelopment: true);

        users.DevUserCreated.Should().BeTrue();
        users.FindByKey("dev-key").Should().BeEquivalentTo(new ApiUser("dev", ["admin"]));
    }

    [Fact]
    public void FromConfiguration_NoUsersOutsideDevelopment_CreatesNobody()
    {
        var users = UserDirectory.FromConfiguration(Config(), isDevelopment: false);

        users.DevUserCreated.Should().BeFalse();
        users.Users.Should().BeEmpty();
        users.FindByKey("dev-key").Should().BeNull();
    }

    [Fact]
    public void FromConfiguration_ConfiguredUsersInDevelopment_AddsNoDevUser()
    {
        var users = UserDirectory.FromConfiguration(
            Config(("Orchestrator:Users:alice:ApiKey", "a-key"), ("Orchestrator:Users:alice:Roles:0", "viewer")),
            isDevelopment: true);

        users.DevUserCreated.Should().BeFalse();
        users.FindByKey("dev-key").Should().BeNull();
    }

    [Theory]
    [InlineData("Orchestrator:Users:alice:Roles", "superuser")]
    [InlineData("Orchestrator:Users:alice:Roles", "")]
    [InlineData("Orchestrator:Users:alice:ApiKey", "")]
    public void FromConfiguration_InvalidUser_FailsNamingTheKey(string key, string value)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Orchestrator:Users:alice:ApiKey"] = "a-key",
            ["Orchestrator:Users:alice:Roles"] = "viewer",
            [key] = value,
        };

        var read = () => UserDirectory.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), isDevelopment: false);

        read.Should().Throw<ServerConfigurationException>().WithMessage($"*{key}*");
    }

    [Fact]
    public void FromConfiguration_TwoUsersWithOneKey_Fails()
    {
        var read = () => UserDirectory.FromConfiguration(
            Config(
                ("Orchestrator:Users:alice:ApiKey", "same"),
                ("Orchestrator:Users:alice:Roles", "viewer"),
                ("Orchestrator:Users:bob:ApiKey", "same"),
                ("Orchestrator:Users:bob:Roles", "admin")),
            isDevelopment: false);

        read.Should().Throw<ServerConfigurationException>().WithMessage("*same key as another user*");
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
