namespace Orchestrator.IntegrationTests.Browser;

/// <summary>The browser tests share one Chromium process (<see cref="BrowserFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
