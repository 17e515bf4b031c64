namespace Orchestrator.Flows.Validation;

/// <summary>The codes of <see cref="FlowProblem"/>: one per validation rule.</summary>
public static class FlowProblemCodes
{
    /// <summary>A node's activity type cannot run here (or the node has no type).</summary>
    public const string UnknownActivityType = "unknown-activity-type";

    /// <summary>A connection starts or ends at a node that does not exist.</summary>
    public const string DanglingConnection = "dangling-connection";

    /// <summary>A node cannot be reached from the start.</summary>
    public const string UnreachableNode = "unreachable-node";

    /// <summary>A required input of a node is not set.</summary>
    public const string MissingInput = "missing-input";

    /// <summary>An expression does not parse (JavaScript, Liquid, or the JSON of an Object expression).</summary>
    public const string InvalidExpression = "invalid-expression";

    /// <summary>An expression kind that cannot run here (C#, Python, …).</summary>
    public const string UnsupportedExpression = "unsupported-expression";

    /// <summary>A join that no fork comes before.</summary>
    public const string JoinWithoutFork = "join-without-fork";

    /// <summary>A tool name that is not registered (an <c>Orchestrator.Tool</c> node or an agent's tools).</summary>
    public const string UnknownTool = "unknown-tool";

    /// <summary>An agent name that is not registered.</summary>
    public const string UnknownAgent = "unknown-agent";

    /// <summary>A sub-workflow that cannot be started (no code workflow or flow of that name).</summary>
    public const string UnknownWorkflow = "unknown-workflow";

    /// <summary>Two nodes share one id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>The flow is empty or has no starting point.</summary>
    public const string NoStart = "no-start";

    /// <summary>A variable that is not declared (set, read by a Variable expression, or bound to an output).</summary>
    public const string UnknownVariable = "unknown-variable";

    /// <summary>An Input expression naming a workflow input that is not declared.</summary>
    public const string UnknownInput = "unknown-input";

    /// <summary>A connection from an outcome the source node does not have.</summary>
    public const string UnknownPort = "unknown-port";

    /// <summary>The root is not an <c>Elsa.Flowchart</c>.</summary>
    public const string InvalidRoot = "invalid-root";

    /// <summary>A literal input value of the wrong form (a duration that is not a TimeSpan, a URL that is not absolute, …).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>
    /// <c>customProperties.retry</c> is not <c>{maxAttempts, firstDelay, backoff, maxDelay}</c> within the engine's bounds
    /// (1 to 100 attempts, delays of at least 100 ms, backoff of at least 1).
    /// </summary>
    public const string InvalidRetry = "invalid-retry";

    /// <summary>An <c>Elsa.Event</c> node waits for an event name only the engine raises (<c>approval:…</c>, <c>orchestrator:…</c>).</summary>
    public const string ReservedEventName = "reserved-event-name";

    /// <summary><c>customProperties.timeout</c> is not a positive TimeSpan.</summary>
    public const string InvalidTimeout = "invalid-timeout";
}
