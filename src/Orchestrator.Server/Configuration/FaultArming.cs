using System.Diagnostics;
using Orchestrator.Core;

namespace Orchestrator.Server.Configuration;

/// <summary>Arms the configured crash-test fault: when the point is reached, the process dies at once, as on a power cut.</summary>
internal static class FaultArming
{
    public static void Arm(FaultInjector injector, FaultSettings fault)
    {
        ArgumentNullException.ThrowIfNull(injector);
        injector.Arm(fault.Point, fault.AfterHits, KillProcess);
    }

    private static void KillProcess(FaultPoint point)
    {
        // Logging goes through a background queue that would never flush; write straight to stderr instead.
        Console.Error.WriteLine($"Fault point '{FaultSettings.ToKebabCase(point)}' reached: killing the process now.");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
        Environment.FailFast($"Fault point '{point}' reached.");
    }
}
