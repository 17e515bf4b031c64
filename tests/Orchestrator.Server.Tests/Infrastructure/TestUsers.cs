namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The users the test server is configured with: one per role, named after it, and a second approver.</summary>
public static class TestUsers
{
    public const string Admin = "admin";
    public const string Developer = "developer";
    public const string Analyst = "analyst";
    public const string Approver = "approver";
    public const string Viewer = "viewer";

    /// <summary>A second approver, for tasks assigned by user name and for racing decisions.</summary>
    public const string SecondApprover = "approver-2";

    /// <summary>A viewer whose sign-ins the throttling test fails on purpose, so no other test depends on it.</summary>
    public const string Throttled = "throttled";

    /// <summary>The users named after their one role.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Developer, Analyst, Approver, Viewer];

    /// <summary>Every configured user with its roles.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByUser { get; } = new Dictionary<string, string[]>
    {
        [Admin] = [Admin],
        [Developer] = [Developer],
        [Analyst] = [Analyst],
        [Approver] = [Approver],
        [Viewer] = [Viewer],
        [SecondApprover] = [Approver],
        [Throttled] = [Viewer],
    };

    public static string KeyOf(string user) => $"{user}-test-key";

    /// <summary>The user's password for signing in to a cookie session.</summary>
    public static string PasswordOf(string user) => $"{user}-test-password";
}
