using System.Text.Json;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// A step of an instance failed in a way that running it again cannot change: the workflow code or its registration
/// threw while the engine ran it, its stored history cannot be read, or its result cannot be stored. The engine
/// stops such an instance as Failed instead of retrying it. Every other failure of a step (the store is unreachable,
/// busy or shutting down) is retried.
/// </summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException()
    {
    }

    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Runs the engine's own work on an instance (no I/O): whatever it throws is a property of the instance.</summary>
    public static T Run<T>(string doing, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not StepFailedException)
        {
            throw new StepFailedException($"{doing} failed with {ex.GetType().FullName}: {ex.Message}", ex);
        }
    }

    /// <summary>The same for work without a result.</summary>
    public static void Run(string doing, Action work) => Run<object?>(doing, () =>
    {
        work();
        return null;
    });

    /// <summary>A store call: data it cannot read or write is a property of the instance; anything else is retried.</summary>
    public static async Task<T> StoreAsync<T>(string doing, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsAboutTheData(ex))
        {
            throw new StepFailedException($"{doing} failed with {ex.GetType().FullName}: {ex.Message}", ex);
        }
    }

    /// <summary>Errors a store raises for what it was given or holds (JSON it cannot read or write, a value it refuses),
    /// not for being unavailable.</summary>
    private static bool IsAboutTheData(Exception ex) =>
        ex is JsonException or InvalidDataException or NotSupportedException or FormatException or ArgumentException
            or InsufficientExecutionStackException;
}
