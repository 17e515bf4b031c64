using System.ClientModel.Primitives;
using OpenAI;

namespace Orchestrator.Testing.Tests;

/// <summary>OpenAI SDK settings the tests share.</summary>
internal static class Sdk
{
    /// <summary>Options with the SDK's own retries off, so a scripted error reaches the test unchanged.</summary>
    public static OpenAIClientOptions NoRetries(TimeSpan? networkTimeout = null)
    {
        var options = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) };
        if (networkTimeout is { } timeout)
        {
            options.NetworkTimeout = timeout;
        }

        return options;
    }
}
