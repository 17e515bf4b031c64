using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// How a stdio MCP server (<c>Orchestrator:Tools:Mcp:&lt;server&gt;:Command</c>) is started, checked before anything is
/// started so that a missing file is one clear error naming the setting, not a process that fails to start.
/// The command is a file (a relative path resolves against the working directory) or a name found on PATH; a first
/// argument that names a program file (<c>.dll</c>, <c>.js</c>, <c>.mjs</c>, <c>.cjs</c>, <c>.py</c>, as in
/// <c>dotnet server.dll</c>) must exist too; the working directory is <c>:WorkingDirectory</c>, else the server's
/// current directory. The process gets an explicit environment: the few variables a process needs to run
/// (<see cref="Inherited"/>) and the ones in <c>:Environment</c>, whose values may be <c>secret:NAME</c> — never the
/// rest of the server's environment, which holds its API keys and <c>Orchestrator__Secrets__*</c>.
/// </summary>
/// <param name="Command">The command's full path.</param>
/// <param name="Arguments">The arguments.</param>
/// <param name="WorkingDirectory">The working directory's full path.</param>
/// <param name="Environment">
/// The changes to the inherited environment, as the MCP client applies them: a value sets a variable, null removes it.
/// </param>
/// <param name="Secrets">The secrets the environment resolved, to cut out of what the server returns.</param>
internal sealed record McpStdioLaunch(
    string Command, IReadOnlyList<string> Arguments, string WorkingDirectory, IDictionary<string, string?> Environment, ToolSecrets Secrets)
{
    private static readonly string[] ProgramFiles = [".dll", ".js", ".mjs", ".cjs", ".py"];

    private static readonly StringComparer Names = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The variables passed on from the server's environment when set: the search path, the user's home and temporary
    /// folders, the locale and time zone, where TLS finds its certificates, and where .NET is installed.
    /// </summary>
    public static readonly IReadOnlySet<string> Inherited = new HashSet<string>(
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "TZ", "TMPDIR", "TMP", "TEMP",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "DOTNET_ROOT", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT",
        "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT", "USERPROFILE", "USERNAME", "HOMEDRIVE", "HOMEPATH",
        "APPDATA", "LOCALAPPDATA", "ProgramData", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "CommonProgramFiles",
        "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE", "OS",
    ],
        Names);

    /// <summary>Checks the settings of <paramref name="server"/> and builds its launch; a missing file or secret is a <see cref="ToolUnavailableException"/>.</summary>
    public static McpStdioLaunch Prepare(string server, IConfigurationSection settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        var key = $"{McpToolSource.Section}:{server}";
        var directory = WorkingDirectoryOf(server, settings, key);
        var command = settings["Command"]!.Trim();
        var resolved = ResolveCommand(command, directory) ?? throw CannotStart(server, IsPath(command)
            ? $"the command '{Path.GetFullPath(command, directory)}' ({key}:Command) does not exist{Relative(command, key, directory)}"
            : $"the command '{command}' ({key}:Command) is not on the PATH; install it or set {key}:Command to its full path");

        var arguments = settings.GetSection("Arguments").GetChildren().Select(a => a.Value ?? string.Empty).ToList();
        if (arguments is [var program, ..] && !program.StartsWith('-') && ProgramFiles.Contains(Path.GetExtension(program), StringComparer.OrdinalIgnoreCase)
            && !File.Exists(Path.GetFullPath(program, directory)))
        {
            throw CannotStart(server, $"the file '{Path.GetFullPath(program, directory)}' ({key}:Arguments:0) does not exist{Relative(program, key, directory)}");
        }

        var secrets = new ToolSecrets(configuration);
        return new McpStdioLaunch(resolved, arguments, directory, EnvironmentOf(server, settings, key, secrets), secrets);
    }

    private static Dictionary<string, string?> EnvironmentOf(string server, IConfigurationSection settings, string key, ToolSecrets secrets)
    {
        var changes = new Dictionary<string, string?>(Names);
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.OfType<string>())
        {
            if (!Inherited.Contains(name) && !name.StartsWith("LC_", StringComparison.Ordinal) && !name.StartsWith("DOTNET_ROOT_", StringComparison.Ordinal))
            {
                changes[name] = null;
            }
        }

        foreach (var variable in settings.GetSection("Environment").GetChildren().Where(v => v.Value is not null))
        {
            changes[variable.Key] = secrets.Resolve(variable.Value!, $"{key}:Environment:{variable.Key}", out var missing)
                ?? throw CannotStart(server, missing!);
        }

        return changes;
    }

    private static string WorkingDirectoryOf(string server, IConfigurationSection settings, string key)
    {
        if (string.IsNullOrWhiteSpace(settings["WorkingDirectory"]))
        {
            return System.Environment.CurrentDirectory;
        }

        var directory = Path.GetFullPath(settings["WorkingDirectory"]!.Trim());
        return Directory.Exists(directory)
            ? directory
            : throw CannotStart(server, $"the working directory '{directory}' ({key}:WorkingDirectory) does not exist (a relative path resolves against the server's current directory, {System.Environment.CurrentDirectory})");
    }

    /// <summary>A path as itself (against the working directory when relative); a bare name as the first match on PATH.</summary>
    private static string? ResolveCommand(string command, string directory)
    {
        if (IsPath(command))
        {
            var path = Path.GetFullPath(command, directory);
            return File.Exists(path) ? path : null;
        }

        var extensions = OperatingSystem.IsWindows()
            ? ["", .. (System.Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { string.Empty };
        var folders = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => extensions.Select(extension => Path.Combine(folder, command + extension))).FirstOrDefault(File.Exists);
    }

    private static bool IsPath(string command) =>
        Path.IsPathRooted(command) || command.Contains('/', StringComparison.Ordinal) || command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string path, string key, string directory) => Path.IsPathRooted(path)
        ? string.Empty
        : $" (a relative path resolves against {key}:WorkingDirectory, or the server's current directory when that is not set: {directory})";

    private static ToolUnavailableException CannotStart(string server, string reason) =>
        new($"The MCP server '{server}' cannot start: {reason.TrimEnd('.')}.");
}
