using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Server.Tests.Http;

/// <summary>Sends bytes no HTTP client would send (bad request lines, NUL in a path) and reads what comes back until the server closes.</summary>
internal static class RawHttp
{
    public static async Task<string> SendAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // The server reset the connection after answering; what arrived before is the answer.
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }
}
