namespace Orchestrator.Core.Tests.Engine;

/// <summary>A fresh data folder per test, removed afterwards.</summary>
internal sealed class TempDataDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orch-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a crashed engine's finalizer; the OS temp cleaner takes it.
        }
    }
}
