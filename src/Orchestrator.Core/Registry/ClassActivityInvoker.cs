using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Core.Registry;

/// <summary>Creates an <see cref="Activity{TInput, TOutput}"/> subclass per call (through DI) and runs it over JSON.</summary>
internal sealed class ClassActivityInvoker<TInput, TOutput>(ObjectFactory factory) : IActivityInvoker
{
    public async Task<string?> InvokeAsync(IServiceProvider services, ActivityContext context, string? inputJson)
    {
        var activity = (Activity<TInput, TOutput>)factory(services, null);
        try
        {
            var output = await activity.RunAsync(context, OrchestratorJson.Deserialize<TInput>(inputJson)!);
            return OrchestratorJson.Serialize(output);
        }
        finally
        {
            (activity as IDisposable)?.Dispose();
        }
    }
}
