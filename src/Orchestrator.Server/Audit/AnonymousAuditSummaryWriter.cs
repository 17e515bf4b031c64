using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Audit;

/// <summary>
/// Writes the summary records of <see cref="AnonymousAuditBudget"/>: every few seconds for the windows that are over,
/// and for all of them when the server stops, so no counted call goes unrecorded.
/// </summary>
internal sealed partial class AnonymousAuditSummaryWriter(
    AnonymousAuditBudget budget, IAuditLog audit, TimeProvider time, ILogger<AnonymousAuditSummaryWriter> logger) : BackgroundService
{
    /// <summary>The action of a summary record.</summary>
    public const string Action = "http.anonymous-calls";

    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(budget.TakeDue(time.GetUtcNow().UtcDateTime, all: true));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(budget.TakeDue(time.GetUtcNow().UtcDateTime));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task WriteAsync(IReadOnlyList<AnonymousCallSummary> summaries)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        var entries = summaries.Select(s => new AuditEntry(
            s.To,
            AuditTrailMiddleware.Anonymous,
            null,
            Action,
            "address:" + s.Address,
            AuditOutcomes.Denied,
            null,
            OrchestratorJson.Serialize(new SummaryDetails(s.Count, s.From, s.To, s.Outcomes)))).ToList();
        try
        {
            await audit.AppendAsync(entries, CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            // The engine stopped first: the counts are lost, and the log says so.
            LogNotRecorded(logger, summaries.Sum(s => s.Count), ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit summary of {Count} anonymous calls could not be written")]
    private static partial void LogNotRecorded(ILogger logger, int count, Exception exception);

    private sealed record SummaryDetails(int Count, DateTime From, DateTime To, IReadOnlyDictionary<string, int> Outcomes);
}
