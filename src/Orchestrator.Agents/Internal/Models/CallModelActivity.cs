using Microsoft.Extensions.AI;
using Orchestrator.Agents.Models;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using ActivityContext = Orchestrator.Core.ActivityContext;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>
/// One model call, as one step: the request is its input and the full response its result, so replay never calls
/// the model again. Usage and cost are reported with the step; streamed tokens go to the instance's watchers.
/// </summary>
[Activity(Name, AuditAction = AuditActions.StepModel, AuditSubject = "model")]
internal sealed class CallModelActivity(IModelCatalog catalog, IInstanceSignals signals, TimeProvider clock) : Activity<ModelRequest, ModelResponse>
{
    public const string Name = "orchestrator.model-call";

    /// <summary>The signal kind of a streamed text delta: <c>{ taskId, model, text }</c>.</summary>
    public const string DeltaSignal = "model.delta";

    public override async Task<ModelResponse> RunAsync(ActivityContext context, ModelRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var settings = catalog.Get(input.Model);
        var client = catalog.GetChatClient(settings.Name);
        var names = ModelToolNames.For(input.Tools);
        var messages = ChatMapping.ToChatMessages(input.Messages, names);
        var options = ChatMapping.ToOptions(input, names);
        var start = clock.GetTimestamp();
        ChatResponse response;
        IReadOnlyDictionary<string, string>? streamedArguments = null;
        try
        {
            if (input.Stream)
            {
                var updates = await StreamAsync(client, messages, options, settings.Name, context);
                response = updates.ToChatResponse();
                streamedArguments = RawToolArguments.FromStream(updates);
            }
            else
            {
                response = await client.GetResponseAsync(messages, options, context.CancellationToken);
            }
        }
        catch (Exception ex) when (ProviderErrors.Map(settings.Name, ex, context.CancellationToken.IsCancellationRequested, clock.GetUtcNow()) is { } mapped)
        {
            throw mapped;
        }

        var latency = clock.GetElapsedTime(start);
        var message = ChatMapping.ToModelMessage(response, names, streamedArguments);
        var usage = ChatMapping.ToUsage(response.Usage);
        var cost = catalog.Cost(settings.Name, usage);
        context.ReportUsage(new UsageReport(settings.Name, usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens, cost));
        return new ModelResponse(
            message,
            settings.Name,
            response.ModelId ?? settings.Model,
            ChatMapping.FinishReason(response, message),
            latency.TotalMilliseconds,
            usage,
            cost);
    }

    private async Task<List<ChatResponseUpdate>> StreamAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, string model, ActivityContext context)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, context.CancellationToken))
        {
            updates.Add(update);
            if (!string.IsNullOrEmpty(update.Text) && signals.HasWatchers(context.InstanceId))
            {
                signals.Publish(context.InstanceId, DeltaSignal, OrchestratorJson.Serialize(new { taskId = context.TaskId, model, text = update.Text }));
            }
        }

        return updates;
    }
}
