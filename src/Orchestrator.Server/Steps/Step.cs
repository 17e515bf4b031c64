using Orchestrator.Core;

namespace Orchestrator.Server.Steps;

/// <summary>A step as projected from history; payloads stay JSON text until they are written out.</summary>
/// <param name="Sequence">1-based position among the instance's steps.</param>
/// <param name="Kind">One of <see cref="StepKinds"/>.</param>
/// <param name="Name">The activity, workflow, event or operation name; a timer's fire time.</param>
/// <param name="Status">One of <see cref="StepStatuses"/>, or the workflow's final status.</param>
/// <param name="StartedAt">When it began (UTC).</param>
internal sealed record Step(int Sequence, string Kind, string Name, string Status, DateTime StartedAt)
{
    public DateTime? CompletedAt { get; init; }

    public int? Attempt { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public FailureDetails? Error { get; init; }

    /// <summary>The agent the step acts as, if an agent acts.</summary>
    public string? Agent { get; init; }

    /// <summary>The user the step acts for.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>Who the step acts as, for display: <c>&lt;agent&gt; for &lt;user&gt;</c>, the user alone, or the agent alone.</summary>
    public string? Principal => (Agent, OnBehalfOf) switch
    {
        ({ } agent, { } user) => $"{agent} for {user}",
        (null, var user) => user,
        ({ } agent, null) => agent,
    };

    /// <summary>The tokens and cost the step reported, for activities that called a model.</summary>
    public UsageReport? Usage { get; init; }

    public string? ChildInstanceId { get; init; }

    public string? TargetInstanceId { get; init; }

    /// <summary>What a person reads where the name is technical: what a wait waits for, which agent a sub-workflow runs.</summary>
    public string? Title { get; init; }

    /// <summary>When a wait times out, for waits that have a timeout.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>The failed attempts of an activity that was retried, in order.</summary>
    public IReadOnlyList<StepAttempt> Attempts { get; init; } = [];

    /// <summary>The user who raised the event or applied the operation (the decider, for an approval's decision), when one did.</summary>
    public string? By { get; init; }
}

/// <summary>One failed attempt of an activity.</summary>
/// <param name="Attempt">Its number (1-based).</param>
/// <param name="FailedAt">When it failed (UTC).</param>
/// <param name="Error">Why.</param>
internal sealed record StepAttempt(int Attempt, DateTime FailedAt, FailureDetails Error);
