namespace Orchestrator.Server.Auth;

/// <summary>
/// The <c>keys</c> folder in the data folder holds the session signing key and the signed-out sessions: it is created
/// 0700 and every file in it 0600, so only the server's user can read them. On Windows the folder's ACL applies.
/// </summary>
internal static class KeyFolder
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents, such as the data folder) readable by the server's user only.</summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Options that create a file readable and writable by the server's user only.</summary>
    public static FileStreamOptions CreateOptions(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
