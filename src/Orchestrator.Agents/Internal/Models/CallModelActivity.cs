using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Orchestrator.Agents.Models;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using ActivityContext = Orchestrator.Core.ActivityContext;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>
/// One model call, as one step: the request is its input and the full response its result, so replay never calls
/// the model again. Usage and cost are reported with the step; streamed tokens go to the instance's watchers.
/// </summary>
[Activity(Name)]
internal sealed class CallModelActivity(IModelCatalog catalog, IInstanceSignals signals) : Activity<ModelRequest, ModelResponse>
{
    public const string Name = "orchestrator.model-call";

    public override async Task<ModelResponse> RunAsync(ActivityContext context, ModelRequest input)
    {
        var settings = catalog.Get(input.Model);
        var client = catalog.GetChatClient(input.Model);
        var messages = ChatMapping.ToChatMessages(input.Messages);
        var options = ChatMapping.ToOptions(input);
        var start = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = input.Stream
                ? await StreamAsync(client, messages, options, context)
                : await client.GetResponseAsync(messages, options, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not NonRetriableException)
        {
            throw ProviderErrors.Map(settings.Name, ex, context.CancellationToken.IsCancellationRequested);
        }

        var usage = ChatMapping.ToUsage(response.Usage);
        var cost = settings.Prices.Cost(usage);
        context.ReportUsage(new UsageReport(settings.Name, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens, cost));
        return new ModelResponse(
            ChatMapping.ToModelMessage(response),
            settings.Name,
            response.ModelId ?? settings.Model,
            response.FinishReason?.Value,
            Stopwatch.GetElapsedTime(start).TotalMilliseconds,
            usage,
            cost);
    }

    private async Task<ChatResponse> StreamAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, ActivityContext context)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, context.CancellationToken))
        {
            updates.Add(update);
            if (!string.IsNullOrEmpty(update.Text) && signals.HasWatchers(context.InstanceId))
            {
                signals.Publish(context.InstanceId, "model.delta", JsonSerializer.Serialize(new { taskId = context.TaskId, text = update.Text }));
            }
        }

        return updates.ToChatResponse();
    }
}
