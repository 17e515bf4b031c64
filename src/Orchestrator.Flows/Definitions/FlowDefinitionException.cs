using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Definitions;

/// <summary>A definition call that was refused; nothing was written.</summary>
public sealed class FlowDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why it was refused.</param>
    /// <param name="message">A sentence a person can act on.</param>
    /// <param name="problems">The validation problems, when <paramref name="error"/> is <see cref="FlowDefinitionError.Invalid"/>.</param>
    /// <param name="unsupportedTypes">The activity types that do not run, when <paramref name="error"/> is <see cref="FlowDefinitionError.UnsupportedTypes"/>.</param>
    public FlowDefinitionException(
        FlowDefinitionError error, string message, IReadOnlyList<FlowProblem>? problems = null, IReadOnlyList<string>? unsupportedTypes = null)
        : base(message)
    {
        Error = error;
        Problems = problems ?? [];
        UnsupportedTypes = unsupportedTypes ?? [];
    }

    /// <summary>Creates an exception with only a message (for serializers and tools).</summary>
    public FlowDefinitionException()
        : this(FlowDefinitionError.Unreadable, "The definition was refused.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FlowDefinitionException(string message)
        : this(FlowDefinitionError.Unreadable, message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FlowDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
        UnsupportedTypes = [];
    }

    /// <summary>Why it was refused.</summary>
    public FlowDefinitionError Error { get; }

    /// <summary>The validation problems (empty unless <see cref="Error"/> is <see cref="FlowDefinitionError.Invalid"/>).</summary>
    public IReadOnlyList<FlowProblem> Problems { get; }

    /// <summary>The unsupported activity types, sorted (empty unless <see cref="Error"/> is <see cref="FlowDefinitionError.UnsupportedTypes"/>).</summary>
    public IReadOnlyList<string> UnsupportedTypes { get; }
}
