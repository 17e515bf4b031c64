namespace Orchestrator.Server.Configuration;

/// <summary>The configuration is invalid; the message names the key and says what it must be.</summary>
internal sealed class ServerConfigurationException : Exception
{
    public ServerConfigurationException()
    {
    }

    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
