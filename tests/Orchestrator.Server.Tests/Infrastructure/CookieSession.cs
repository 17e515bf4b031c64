namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>A signed-in browser session: a client that sends the <c>orch_session</c> cookie, and the session's CSRF token.</summary>
public sealed record CookieSession(HttpClient Client, string Cookie, string CsrfToken)
{
    /// <summary>Sends a request with the CSRF header, as the web UI does for POST, PUT, PATCH and DELETE.</summary>
    public async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", CsrfToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }
}
