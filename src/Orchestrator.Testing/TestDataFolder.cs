namespace Orchestrator.Testing;

/// <summary>A fresh, empty data folder for one test's store; removed on dispose (reuse <see cref="Path"/> to test restarts).</summary>
public sealed class TestDataFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orch-test-" + Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process the test killed; the OS temp cleaner takes it.
        }
    }
}
