namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The store's files are the server user's alone: folders it creates are 0700, the database (and with it SQLite's -wal
/// and -shm files, which SQLite creates with the database file's permissions) and the lock file are 0600. On Windows the
/// folder's inherited ACL applies instead.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) readable by the current user only; an existing folder is left as it is.</summary>
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

    /// <summary>Options for opening or creating a file that is created with mode 0600.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
