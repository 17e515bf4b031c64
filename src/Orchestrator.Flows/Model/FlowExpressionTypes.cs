namespace Orchestrator.Flows.Model;

/// <summary>The expression kinds of the Elsa format (case-sensitive, as written in documents).</summary>
public static class FlowExpressionTypes
{
    /// <summary>A JSON primitive taken as is.</summary>
    public const string Literal = "Literal";

    /// <summary>A string holding JSON.</summary>
    public const string Object = "Object";

    /// <summary>The obsolete name of <see cref="Object"/>.</summary>
    public const string Json = "Json";

    /// <summary>A string holding a variable model; reads that variable.</summary>
    public const string Variable = "Variable";

    /// <summary>A string holding an input definition; reads that workflow input.</summary>
    public const string Input = "Input";

    /// <summary>JavaScript run in a sandbox.</summary>
    public const string JavaScript = "JavaScript";

    /// <summary>A Liquid template.</summary>
    public const string Liquid = "Liquid";
}
