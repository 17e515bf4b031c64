namespace Orchestrator.Flows.Model;

/// <summary>A wrapped activity input: <c>{"typeName":…,"expression":{…}}</c>.</summary>
/// <param name="TypeName">The type alias, e.g. <c>String</c>, <c>Int32</c>, <c>String[]</c>, <c>TimeSpan</c>.</param>
/// <param name="Expression">The expression; null when the input has none (its value is then null).</param>
public sealed record FlowInput(string TypeName, FlowExpression? Expression);
