namespace Orchestrator.Server.Auth;

/// <summary>The <c>orch_session</c> cookie: HttpOnly (scripts cannot read it), SameSite=Strict, Secure over HTTPS.</summary>
internal static class SessionCookie
{
    public const string Name = "orch_session";

    /// <summary>The claim holding the session id on a principal authenticated by the cookie.</summary>
    public const string SessionIdClaim = "orchestrator:session";

    /// <summary>Sets the cookie. It has no expiry of its own (it ends with the browser); the signed ticket expires when idle.</summary>
    public static void Write(HttpResponse response, string value) =>
        response.Cookies.Append(Name, value, Options(response.HttpContext.Request));

    /// <summary>Tells the browser to drop the cookie.</summary>
    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request));

    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
