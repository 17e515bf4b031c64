namespace Orchestrator.Testing.Internal;

/// <summary>A scripted reply bound to the request it answers: the ids, time, model and usage both wire formats share.</summary>
internal sealed class Answer
{
    public Answer(ScriptedReply reply, RecordedRequest request, DateTimeOffset now)
    {
        Reply = reply;
        Request = request;
        CreatedAt = now.ToUnixTimeSeconds();
        Model = reply.Model ?? request.Model ?? "test-model";
        Usage = reply.Usage ?? Estimate(reply, request);
    }

    public ScriptedReply Reply { get; }

    public RecordedRequest Request { get; }

    /// <summary>Unix seconds, as both APIs send them.</summary>
    public long CreatedAt { get; }

    public string Model { get; }

    public ReplyUsage Usage { get; }

    public int Number => Request.Number;

    public bool HasToolCalls => Reply.Calls.Count > 0;

    /// <summary>The id the model gives a tool call; the caller sends it back with the tool's result.</summary>
    public string CallId(int index) => $"call_{Number}_{index}";

    // About four characters a token, as OpenAI's own rule of thumb; exact counts come from WithUsage.
    private static ReplyUsage Estimate(ScriptedReply reply, RecordedRequest request)
    {
        var inputChars = request.Messages.GetRawText().Length + (request.Instructions?.Length ?? 0);
        var outputChars = (reply.Content?.Length ?? 0) + reply.Calls.Sum(c => c.Name.Length + c.Arguments.Length);
        return new ReplyUsage(Tokens(inputChars), Tokens(outputChars), 0);
    }

    private static int Tokens(int characters) => Math.Max(1, (characters + 3) / 4);
}
