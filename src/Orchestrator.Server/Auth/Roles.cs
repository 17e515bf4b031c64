namespace Orchestrator.Server.Auth;

/// <summary>The roles a user can hold (docs/security.md). <c>admin</c> may do everything; every other role includes viewer reads.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Developer = "developer";
    public const string Analyst = "analyst";
    public const string Approver = "approver";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Developer, Analyst, Approver, Viewer];
}
