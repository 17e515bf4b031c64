using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// A real server process for browser tests: the usual test users (API keys and roles, see <see cref="ServerProcess"/>),
/// each with a password too, so people can sign in on the sign-in page; and Ann, an analyst who designs flows.
/// </summary>
internal static class BrowserServer
{
    public const string AdminPassword = "admin-pass-7Qx";
    public const string AlicePassword = "alice-pass-3Kd";
    public const string CarolPassword = "carol-pass-9Wm";
    public const string DeveloperPassword = "dev-pass-5Rt";
    public const string ViewerPassword = "watcher-pass-2Lp";

    /// <summary>Ann, the analyst who designs flows (role <c>analyst</c>), signs in with this password.</summary>
    public const string AnalystUser = "ann";
    public const string AnalystKey = "it-analyst-key";
    public const string AnalystPassword = "ann-pass-6Vb";

    public static Task<ServerProcess> StartAsync(TestFolder folder, string? modelEndpoint = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Orchestrator__Users__admin__Password"] = AdminPassword,
            ["Orchestrator__Users__alice__Password"] = AlicePassword,
            ["Orchestrator__Users__carol__Password"] = CarolPassword,
            ["Orchestrator__Users__dev__Password"] = DeveloperPassword,
            ["Orchestrator__Users__watcher__Password"] = ViewerPassword,
            [$"Orchestrator__Users__{AnalystUser}__ApiKey"] = AnalystKey,
            [$"Orchestrator__Users__{AnalystUser}__Roles__0"] = "analyst",
            [$"Orchestrator__Users__{AnalystUser}__Password"] = AnalystPassword,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServerProcess.StartAsync(folder, new ServerOptions(ModelEndpoint: modelEndpoint) { Extra = environment });
    }
}
