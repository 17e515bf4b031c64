namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The users the test server is configured with: one per role, named after it.</summary>
public static class TestUsers
{
    public const string Admin = "admin";
    public const string Developer = "developer";
    public const string Analyst = "analyst";
    public const string Approver = "approver";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Developer, Analyst, Approver, Viewer];

    public static string KeyOf(string user) => $"{user}-test-key";
}
