namespace Orchestrator.Core.Hosting;

/// <summary>
/// Files that are the server user's alone, for stores and hosts that keep data or keys on disk: folders they create are
/// 0700 and files 0600 (SQLite gives its -wal and -shm files the database file's permissions). On Windows the folder's
/// inherited ACL applies instead.
/// </summary>
public static class PrivateFiles
{
    /// <summary>The mode of a private folder: 0700.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The mode of a private file: 0600.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) readable by the current user only; an existing folder is left as it is.</summary>
    /// <param name="path">The folder.</param>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>
    /// Makes sure <paramref name="path"/> exists with mode 0600: created empty if missing (SQLite treats an empty file as a
    /// new database), tightened if an earlier version left it readable by others.
    /// </summary>
    /// <param name="path">The file.</param>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            Tighten(path);
        }
    }

    /// <summary>Removes group and other permissions from an existing file; a missing one is ignored.</summary>
    /// <param name="path">The file.</param>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, mode & FileMode);
        }
    }

    /// <summary>Options for opening or creating a file that is created with mode 0600 (unbuffered).</summary>
    /// <param name="mode">How to open it.</param>
    /// <param name="access">Read, write or both.</param>
    /// <param name="share">What other handles may do meanwhile.</param>
    /// <returns>The options.</returns>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
