namespace Orchestrator.Cli.Api;

/// <summary>The lifecycle operations of <c>POST /api/instances/{id}/{operation}</c>.</summary>
internal enum InstanceOperation
{
    Suspend,
    Resume,
    Terminate,
    Restart,
}
