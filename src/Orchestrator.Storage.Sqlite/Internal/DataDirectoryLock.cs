using System.Globalization;
using System.Text;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// An exclusive lock on <c>orchestrator.lock</c> in the data folder, held while the store is open, so two processes
/// never write one database. The operating system releases it when the process dies.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "orchestrator.lock";

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock.</summary>
    /// <exception cref="InvalidOperationException">Another store (in this or another process) holds it.</exception>
    public static DataDirectoryLock Acquire(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, PrivateFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            PrivateFiles.Tighten(path);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The data folder '{dataDir}' is in use: another Orchestrator process holds its lock file '{path}'. " +
                $"Stop that process or choose another data folder. ({ex.Message})",
                ex);
        }

        try
        {
            // Who holds it, for a person looking at the folder; the lock itself is the open handle.
            var holder = Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} on {Environment.MachineName}\n"));
            stream.SetLength(0);
            stream.Write(holder);
            stream.Flush();
            return new DataDirectoryLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose() => _stream.Dispose();
}
