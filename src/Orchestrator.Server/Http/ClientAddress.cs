namespace Orchestrator.Server.Http;

/// <summary>
/// The address a request came from, as throttling and the audit trail know a client: the connection's remote IP
/// (forwarded headers are not trusted; a server behind a proxy sees the proxy, see <c>Orchestrator:Limits:*</c>).
/// </summary>
internal static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : Unknown;
    }
}
