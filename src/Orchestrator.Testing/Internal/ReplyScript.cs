namespace Orchestrator.Testing.Internal;

/// <summary>
/// The replies still to be sent: one queue shared by every model and endpoint, and optional queues for one model each.
/// A request takes from its model's queue first, then from the shared one.
/// </summary>
internal sealed class ReplyScript
{
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedReply> _shared = new();
    private readonly Dictionary<string, Queue<ScriptedReply>> _byModel = new(StringComparer.Ordinal);

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _shared.Count + _byModel.Values.Sum(q => q.Count);
            }
        }
    }

    public void Add(string? model, IEnumerable<ScriptedReply> replies)
    {
        lock (_gate)
        {
            var queue = model is null ? _shared : Queue(model);
            foreach (var reply in replies)
            {
                queue.Enqueue(reply);
            }
        }
    }

    /// <summary>The next reply for a request to <paramref name="model"/>, or <see langword="null"/> when the script has run out.</summary>
    public ScriptedReply? Take(string? model)
    {
        lock (_gate)
        {
            if (model is not null && _byModel.TryGetValue(model, out var own) && own.TryDequeue(out var reply))
            {
                return reply;
            }

            return _shared.TryDequeue(out var next) ? next : null;
        }
    }

    private Queue<ScriptedReply> Queue(string model)
    {
        if (!_byModel.TryGetValue(model, out var queue))
        {
            queue = new Queue<ScriptedReply>();
            _byModel[model] = queue;
        }

        return queue;
    }
}
