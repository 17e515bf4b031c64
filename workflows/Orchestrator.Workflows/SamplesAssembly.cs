namespace Orchestrator.Workflows;

/// <summary>
/// Marks the samples assembly, so a host can register every workflow and activity in it in one line:
/// <c>o.AddWorkflowsFrom(typeof(SamplesAssembly).Assembly)</c>.
/// </summary>
/// <remarks>
/// A dedicated marker keeps hosts independent of any one sample: samples can be renamed, moved or removed
/// without breaking the registration line in the server.
/// </remarks>
public static class SamplesAssembly
{
}
