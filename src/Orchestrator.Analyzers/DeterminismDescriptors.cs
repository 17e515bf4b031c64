using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers;

/// <summary>The determinism rules (ORCH001–ORCH007) reported by <see cref="DeterminismAnalyzer"/>.</summary>
internal static class DeterminismDescriptors
{
    /// <summary>The category of every rule, so a project can configure them together.</summary>
    public const string Category = "Determinism";

    // Every description starts from the same reason, so a reader of any one rule learns why all of them exist.
    private const string Replay =
        "Workflow code is replayed from history after every restart and must make the same decisions each time. ";

    public static readonly DiagnosticDescriptor SystemClock = new(
        id: "ORCH001",
        title: "Do not read the system clock in workflow code",
        messageFormat: "'{0}' reads the system clock, which returns a different value on replay; use ctx.CurrentUtcDateTime instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "The system clock moves between runs; WorkflowContext.CurrentUtcDateTime returns the time recorded in history.");

    public static readonly DiagnosticDescriptor NewGuid = new(
        id: "ORCH002",
        title: "Do not create GUIDs with Guid.NewGuid in workflow code",
        messageFormat: "'{0}' returns a different value on replay; use ctx.NewGuid() instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "WorkflowContext.NewGuid derives the GUID from the instance and its history, so replay sees the same value.");

    public static readonly DiagnosticDescriptor Randomness = new(
        id: "ORCH003",
        title: "Do not use random number generators in workflow code",
        messageFormat: "'{0}' produces different values on replay; derive values from ctx.NewGuid() or generate them in an activity",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "Random values differ between runs; derive them from WorkflowContext.NewGuid or return them from an activity, whose result is recorded.");

    public static readonly DiagnosticDescriptor RealTimer = new(
        id: "ORCH004",
        title: "Do not wait on real timers in workflow code",
        messageFormat: "'{0}' waits on a timer that is not recorded in history; use ctx.CreateTimerAsync instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "A real delay blocks replay and is lost on restart; a durable timer from WorkflowContext.CreateTimerAsync is recorded and survives restarts.");

    public static readonly DiagnosticDescriptor OffScheduler = new(
        id: "ORCH005",
        title: "Do not schedule work off the workflow's scheduler",
        messageFormat: "'{0}' runs code off the workflow's own scheduler; keep workflow code on it and move the work into an activity",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "The engine drives workflow code on a single-threaded scheduler; thread-pool work, new threads, Parallel loops and ConfigureAwait(false) continuations run outside it in no fixed order. Fan out with activities and Task.WhenAll instead.");

    public static readonly DiagnosticDescriptor DirectIO = new(
        id: "ORCH006",
        title: "Do not perform I/O in workflow code",
        messageFormat: "'{0}' performs I/O whose result is not recorded in history; call an activity instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "Files, HTTP, sockets and web requests return different results and repeat their side effects on every replay; an activity runs once and its result is recorded.");

    public static readonly DiagnosticDescriptor EnvironmentRead = new(
        id: "ORCH007",
        title: "Do not read the process environment in workflow code",
        messageFormat: "'{0}' reads the process environment, which can differ on replay; pass the value in the workflow input or read it in an activity",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Replay + "Replay can run on another machine or process, where environment variables, machine name, process ID, tick count and working directory differ.");

    /// <summary>All rules, in ID order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        SystemClock, NewGuid, Randomness, RealTimer, OffScheduler, DirectIO, EnvironmentRead);
}
