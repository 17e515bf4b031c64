namespace Orchestrator.Server.Auth;

/// <summary>The authorization policies of the API, each the set of roles that may make a kind of call.</summary>
internal static class AuthPolicies
{
    /// <summary>Reads: any role.</summary>
    public const string Read = "read";

    /// <summary>Starting instances: developers and analysts.</summary>
    public const string Start = "start";

    /// <summary>Raising events and operating instances: developers.</summary>
    public const string Operate = "operate";

    /// <summary>Deciding human tasks (approvals): approvers.</summary>
    public const string Approve = "approve";

    /// <summary>Designing flows (saving, validating, publishing and importing definitions): analysts.</summary>
    public const string Design = "design";

    /// <summary>Destructive administration such as purging.</summary>
    public const string Admin = "admin";

    /// <summary>The roles each policy admits; <c>admin</c> is in every one.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Read] = [Roles.Viewer, Roles.Developer, Roles.Analyst, Roles.Approver, Roles.Admin],
        [Start] = [Roles.Developer, Roles.Analyst, Roles.Admin],
        [Operate] = [Roles.Developer, Roles.Admin],
        [Approve] = [Roles.Approver, Roles.Admin],
        [Design] = [Roles.Analyst, Roles.Admin],
        [Admin] = [Roles.Admin],
    };
}
