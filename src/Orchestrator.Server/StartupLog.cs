using Orchestrator.Server.Auth;
using Orchestrator.Server.Configuration;

namespace Orchestrator.Server;

/// <summary>
/// What an operator needs to know at start: the environment and why, where data lives and what relative paths are
/// relative to, who can sign in, whether the sample MCP server is there, and whether a crash fault is armed.
/// </summary>
internal static partial class StartupLog
{
    public static void Write(ILogger logger, StartupFacts facts, ServerSettings settings, UserDirectory users)
    {
        EnvironmentChosen(logger, facts.Environment, facts.EnvironmentSource, Environment.ProcessId);
        StoreSelected(logger, settings.Storage.Provider, settings.DataDir);
        PathsRelativeTo(logger, ConfigPaths.BaseDirectory);
        foreach (var path in settings.WorkflowAssemblyPaths)
        {
            WorkflowAssemblyLoaded(logger, path);
        }

        if (facts.SampleMcpServerDefault)
        {
            if (File.Exists(SampleMcpServer.AssemblyPath))
            {
                SampleMcpServerRegistered(logger, SampleMcpServer.Name, SampleMcpServer.AssemblyPath);
            }
            else
            {
                SampleMcpServerMissing(logger, SampleMcpServer.AssemblyPath, SampleMcpServer.Section);
            }
        }

        if (users.DevUserCreated)
        {
            DevUserCreated(logger, UserDirectory.DevUserName, UserDirectory.DevUserKey, facts.Environment, ConfigKeys.Users);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Environment: {Environment}, from {Source}; process id {ProcessId}.")]
    private static partial void EnvironmentChosen(ILogger logger, string environment, string source, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Provider}, data folder {DataDir}.")]
    private static partial void StoreSelected(ILogger logger, string provider, string dataDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relative paths in configuration are relative to {Folder}, the folder the server was started in.")]
    private static partial void PathsRelativeTo(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflows deployed from {Path}.")]
    private static partial void WorkflowAssemblyLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample MCP server '{Server}' (research.report): dotnet {Path}.")]
    private static partial void SampleMcpServerRegistered(ILogger logger, string server, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sample MCP server is not at {Path} (build src/Orchestrator.Server to build it), so research.report cannot read its library; or configure {Section}.")]
    private static partial void SampleMcpServerMissing(ILogger logger, string path, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** DEVELOPMENT ONLY: no users are configured, so user '{User}' with role admin and API key '{Key}' was created; anyone who can reach this server can use that key. It exists only in Development (now: {Environment}) with no users configured: configure users under {Section}:<name>:ApiKey and :Roles (see docs/configuration.md), or set ASPNETCORE_ENVIRONMENT=Production. ***")]
    private static partial void DevUserCreated(ILogger logger, string user, string key, string environment, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users are configured under {Section}: nobody can sign in to the API (see docs/configuration.md).")]
    private static partial void NoUsers(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API users configured.")]
    private static partial void UsersConfigured(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** CRASH TEST: fault point '{Point}' is armed; its pass number {AfterHits} kills this process. ***")]
    private static partial void FaultArmed(ILogger logger, string point, int afterHits);
}

/// <summary>What the start-up log says beyond the settings: the environment and where it came from, and whether the sample MCP server is the default.</summary>
/// <param name="Environment">The environment name.</param>
/// <param name="EnvironmentSource">Where it came from (see <see cref="HostEnvironment"/>).</param>
/// <param name="SampleMcpServerDefault">True when <c>Orchestrator:Tools:Mcp:library</c> was not configured.</param>
internal sealed record StartupFacts(string Environment, string EnvironmentSource, bool SampleMcpServerDefault);
