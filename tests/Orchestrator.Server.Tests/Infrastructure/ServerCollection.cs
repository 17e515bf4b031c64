namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Every class in this collection shares the one <see cref="ServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
