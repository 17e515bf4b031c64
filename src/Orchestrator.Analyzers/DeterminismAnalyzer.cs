using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Orchestrator.Analyzers;

/// <summary>
/// Reports non-deterministic API use inside workflow code, so a workflow that would break on replay fails the build.
/// </summary>
/// <remarks>
/// <para>
/// Workflow code is every method, lambda, local function, property accessor, constructor and field initializer of a
/// class that derives, directly or through other classes, from <c>Orchestrator.Core.Workflow&lt;TInput, TOutput&gt;</c>.
/// Activities and every other class may do anything; a type nested in a workflow is checked only if it is a workflow itself.
/// </para>
/// <para>The engine replays workflow code from history after every restart, so the code must decide the same way each time:</para>
/// <list type="table">
/// <item><term>ORCH001</term><description><c>DateTime.Now</c>/<c>UtcNow</c>/<c>Today</c>, <c>DateTimeOffset.Now</c>/<c>UtcNow</c>, <c>TimeProvider.System</c> and its clock reads, <c>Stopwatch</c>: use <c>ctx.CurrentUtcDateTime</c>.</description></item>
/// <item><term>ORCH002</term><description><c>Guid.NewGuid()</c>, <c>Guid.CreateVersion7()</c>: use <c>ctx.NewGuid()</c>.</description></item>
/// <item><term>ORCH003</term><description><c>new Random()</c>, <c>Random.Shared</c>, <c>RandomNumberGenerator</c>: derive values from <c>ctx.NewGuid()</c> or use an activity.</description></item>
/// <item><term>ORCH004</term><description><c>Task.Delay</c>, <c>Thread.Sleep</c>, <c>Timer</c>, <c>PeriodicTimer</c>: use <c>ctx.CreateTimerAsync</c>.</description></item>
/// <item><term>ORCH005</term><description><c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>new Thread</c>, <c>ThreadPool.QueueUserWorkItem</c>, <c>Parallel</c>, <c>ConfigureAwait(false)</c>: stay on the workflow's scheduler and use activities.</description></item>
/// <item><term>ORCH006</term><description><c>HttpClient</c>, <c>File</c>, <c>Directory</c>, file streams and readers/writers, <c>System.Net.Sockets</c>, <c>WebRequest</c>: call an activity.</description></item>
/// <item><term>ORCH007</term><description><c>Environment</c> reads (variables, machine name, tick count, process ID, current directory): pass them in the input or read them in an activity.</description></item>
/// </list>
/// <para>
/// Matching is by symbol through the operation tree, so aliases, <c>using static</c> and fully qualified names are all caught,
/// and each use is reported once: a member used on a receiver that already breaks the same rule is not reported again.
/// A compilation that does not reference <c>Orchestrator.Core</c> is not analyzed.
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeterminismAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DeterminismDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var workflows = WorkflowTypes.Create(context.Compilation);
        if (workflows is null)
        {
            return;
        }

        var classifier = new OperationClassifier(BannedApiCatalog.Create(context.Compilation));
        context.RegisterOperationAction(
            operationContext => AnalyzeOperation(operationContext, workflows, classifier),
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.MethodReference);
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, WorkflowTypes workflows, OperationClassifier classifier)
    {
        if (!workflows.IsWorkflowCode(context.ContainingSymbol))
        {
            return;
        }

        var violation = classifier.FindReportable(context.Operation);
        if (violation is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(violation.Descriptor, context.Operation.Syntax.GetLocation(), violation.ApiName));
        }
    }
}
