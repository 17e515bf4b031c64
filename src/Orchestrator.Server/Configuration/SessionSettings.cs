namespace Orchestrator.Server.Configuration;

/// <summary>How web sign-in sessions behave, from <c>Orchestrator:Sessions:*</c>.</summary>
/// <param name="IdleTimeout">A session ends after this long without a request (sliding).</param>
/// <param name="KeyFolder">Where the session signing key and the list of signed-out sessions are kept.</param>
internal sealed record SessionSettings(TimeSpan IdleTimeout, string KeyFolder)
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromHours(8);

    /// <summary>Reads the settings; the key folder is <c>keys</c> inside the data folder.</summary>
    public static SessionSettings Read(IConfiguration configuration, ServerSettings server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new SessionSettings(
            ConfigValues.GetTimeSpan(configuration, ConfigKeys.SessionIdleTimeout, DefaultIdleTimeout),
            Path.Combine(server.DataDir, "keys"));
    }
}
