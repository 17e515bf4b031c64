namespace Orchestrator.Server.Http;

/// <summary>Listens on loopback port 5080 unless <c>ASPNETCORE_URLS</c>, <c>--urls</c> or an HTTP(S) port setting says otherwise.</summary>
internal static class DefaultUrl
{
    public const string Value = "http://127.0.0.1:5080";

    public static WebApplicationBuilder UseDefaultUrlWhenUnset(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(Value);
        }

        return builder;
    }
}
