namespace Orchestrator.Core.Replay;

/// <summary>The workflow code no longer matches its recorded history.</summary>
internal sealed class NonDeterminismException(string message) : Exception(message)
{
    public const string ErrorType = "NonDeterministicWorkflow";
}
