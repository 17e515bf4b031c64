using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server;

/// <summary>What an operator needs to know at start: where data lives, who can sign in, and whether a crash fault is armed.</summary>
internal static partial class StartupLog
{
    public static void Write(ILogger logger, ServerSettings settings, UserDirectory users)
    {
        StoreSelected(logger, settings.Storage.Provider, settings.DataDir);
        foreach (var path in settings.WorkflowAssemblyPaths)
        {
            WorkflowAssemblyLoaded(logger, path);
        }

        if (users.DevUserCreated)
        {
            DevUserCreated(logger, UserDirectory.DevUserName, UserDirectory.DevUserKey, ConfigKeys.Users);
        }
        else if (users.Users.Count == 0)
        {
            NoUsers(logger, ConfigKeys.Users);
        }
        else
        {
            UsersConfigured(logger, users.Users.Count);
        }

        if (settings.Fault is { } fault)
        {
            FaultArmed(logger, FaultSettings.ToKebabCase(fault.Point), fault.AfterHits);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Provider}, data folder {DataDir}.")]
    private static partial void StoreSelected(ILogger logger, string provider, string dataDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflows deployed from {Path}.")]
    private static partial void WorkflowAssemblyLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** DEVELOPMENT ONLY: no users are configured, so user '{User}' with role admin and API key '{Key}' was created. Configure {Section} before exposing this server. ***")]
    private static partial void DevUserCreated(ILogger logger, string user, string key, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users are configured under {Section}: nobody can sign in to the API.")]
    private static partial void NoUsers(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API users configured.")]
    private static partial void UsersConfigured(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** CRASH TEST: fault point '{Point}' is armed; its pass number {AfterHits} kills this process. ***")]
    private static partial void FaultArmed(ILogger logger, string point, int afterHits);
}
