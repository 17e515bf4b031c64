namespace Orchestrator.Core.Tests.Engine;

/// <summary>Raised where a test injected a crash; nothing after it reaches the store.</summary>
internal sealed class SimulatedCrashException() : Exception("Simulated crash: the process is gone.");
