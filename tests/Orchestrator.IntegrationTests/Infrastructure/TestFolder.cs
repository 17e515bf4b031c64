namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>A folder for one test's data, ledger and server logs; kept when the test fails, for reading the logs.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orch-it", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
