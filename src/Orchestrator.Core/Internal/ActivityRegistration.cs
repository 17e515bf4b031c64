namespace Orchestrator.Core.Internal;

/// <summary>A registered activity: its name and how to invoke it over JSON.</summary>
internal sealed record ActivityRegistration(string Name, Func<IServiceProvider, ActivityContext, string?, Task<string?>> Invoke);
