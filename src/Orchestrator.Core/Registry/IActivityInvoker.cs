namespace Orchestrator.Core.Registry;

/// <summary>Invokes an activity over JSON.</summary>
internal interface IActivityInvoker
{
    Task<string?> InvokeAsync(IServiceProvider services, ActivityContext context, string? inputJson);
}
