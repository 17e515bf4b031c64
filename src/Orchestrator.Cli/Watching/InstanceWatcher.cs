using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli.Watching;

/// <summary>
/// Follows an instance until it reaches a terminal status: through the server's event stream while it
/// lasts, then by polling <c>GET /api/instances/{id}</c> if the stream is unavailable or drops.
/// </summary>
internal sealed class InstanceWatcher(OrchestratorApiClient api, TimeProvider clock, TimeSpan pollInterval)
{
    /// <summary>Returns the instance as it was when it finished, with the server's JSON for <c>--json</c>.</summary>
    public async Task<ApiResult<InstanceDetail>> WatchAsync(string instanceId, IWatchObserver? observer, CancellationToken cancellationToken)
    {
        var streamed = await StreamAsync(instanceId, observer, cancellationToken);
        if (streamed.Final is { } final)
        {
            return final;
        }

        observer?.OnFallbackToPolling(streamed.FallbackReason, pollInterval);
        return await PollAsync(instanceId, observer, streamed.LastStatus, cancellationToken);
    }

    private async Task<StreamOutcome> StreamAsync(string instanceId, IWatchObserver? observer, CancellationToken cancellationToken)
    {
        StatusChange? last = null;
        try
        {
            using var stream = await api.OpenEventStreamAsync(instanceId, cancellationToken);
            await foreach (var sseEvent in stream.ReadEventsAsync(cancellationToken))
            {
                switch (sseEvent.Event)
                {
                    case "status":
                        last = ApiJson.Read<StatusChange>(sseEvent.Data);
                        observer?.OnStatus(last);
                        break;
                    case "step":
                        observer?.OnStep(ApiJson.Read<HistoryStep>(sseEvent.Data));
                        break;
                    case "reset":
                        observer?.OnHistoryReset();
                        break;
                    case "done":
                        var instance = ApiJson.Read<InstanceDetail>(sseEvent.Data);
                        return new StreamOutcome(new ApiResult<InstanceDetail>(instance, sseEvent.Data, HttpStatusCode.OK), last, string.Empty);
                    default:
                        // Transient signals, model tokens and event kinds added later carry nothing this view shows.
                        break;
                }
            }

            return new StreamOutcome(null, last, "the event stream closed before the instance finished");
        }
        catch (OrchestratorApiException ex) when (ex.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
        {
            return new StreamOutcome(null, last, $"the event stream is unavailable ({ex.Message})");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new StreamOutcome(null, last, $"the event stream dropped ({ex.Message})");
        }
    }

    private async Task<ApiResult<InstanceDetail>> PollAsync(string instanceId, IWatchObserver? observer, StatusChange? last, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await api.GetInstanceAsync(instanceId, cancellationToken);
            var change = new StatusChange(current.Value.Status, current.Value.CustomStatus);
            if (last is null || !SameStatus(last, change))
            {
                observer?.OnStatus(change);
                last = change;
            }

            if (InstanceStatuses.IsTerminal(current.Value.Status))
            {
                return current;
            }

            await Task.Delay(pollInterval, clock, cancellationToken);
        }
    }

    private static bool SameStatus(StatusChange a, StatusChange b) =>
        a.Status == b.Status && RawText(a.CustomStatus) == RawText(b.CustomStatus);

    private static string? RawText(JsonElement? value) => value?.GetRawText();

    private sealed record StreamOutcome(ApiResult<InstanceDetail>? Final, StatusChange? LastStatus, string FallbackReason);
}
