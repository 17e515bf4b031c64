using System.Net;
using System.Text;

namespace Orchestrator.Cli.Tests.Support;

/// <summary>
/// An in-memory server: answers "METHOD /path?query" with queued responses and records every request.
/// A route with several responses answers them in order and repeats the last one.
/// </summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public StubHttpHandler On(string method, string pathAndQuery, params Func<HttpResponseMessage>[] responses)
    {
        var key = $"{method} {pathAndQuery}";
        if (!_routes.TryGetValue(key, out var queue))
        {
            _routes[key] = queue = new Queue<Func<HttpResponseMessage>>();
        }

        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }

        return this;
    }

    public static Func<HttpResponseMessage> Json(HttpStatusCode status, string json) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static Func<HttpResponseMessage> Json(string json) => Json(HttpStatusCode.OK, json);

    public static Func<HttpResponseMessage> Empty(HttpStatusCode status) => () => new HttpResponseMessage(status);

    public static Func<HttpResponseMessage> Problem(HttpStatusCode status, string detail) =>
        () => new HttpResponseMessage(status)
        {
            Content = new StringContent(
                $$"""{"type":"about:blank","title":"{{status}}","status":{{(int)status}},"detail":"{{detail}}"}""",
                Encoding.UTF8,
                "application/problem+json"),
        };

    /// <summary>An event stream that sends <paramref name="text"/> and then, if asked, breaks instead of closing cleanly.</summary>
    public static Func<HttpResponseMessage> EventStream(string text, bool breakAtEnd = false) =>
        () =>
        {
            var content = new StreamContent(new ScriptedStream(Encoding.UTF8.GetBytes(text), breakAtEnd));
            content.Headers.ContentType = new("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, request.Headers.Accept.ToString());
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var key = $"{request.Method} {recorded.PathAndQuery}";
        if (!_routes.TryGetValue(key, out var queue) || queue.Count == 0)
        {
            throw new InvalidOperationException($"The stub server has no answer for {key}");
        }

        var respond = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        var response = respond();
        response.RequestMessage = request;
        return response;
    }
}
