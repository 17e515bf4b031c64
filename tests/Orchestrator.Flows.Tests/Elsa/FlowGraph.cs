using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Tests.Elsa;

/// <summary>
/// What a flow means, as lines of text that compare well and read well in a failure: the document's identity, each
/// variable and argument, each activity with its type, name, version and every input and output, and each connection.
/// </summary>
internal static class FlowGraph
{
    public static IReadOnlyList<string> Of(FlowDocument doc)
    {
        var lines = new List<string>
        {
            $"doc {doc.Id} {doc.DefinitionId} v{doc.Version} name={doc.Name} description={doc.Description}",
            $"root {doc.Root.Id} {doc.Root.Type}",
        };
        lines.AddRange(doc.AllVariables.Select(v => $"variable {v.Id} {v.Name} {v.TypeName} array={v.IsArray} value={v.Value} extra={v.Extra.ToJsonString()}"));
        lines.AddRange(doc.Inputs.Select(a => $"input {a.Name} {a.Type} {a.DisplayName} {a.Description} array={a.IsArray} extra={a.Extra.ToJsonString()}"));
        lines.AddRange(doc.Outputs.Select(a => $"output {a.Name} {a.Type} {a.DisplayName} {a.Description} array={a.IsArray} extra={a.Extra.ToJsonString()}"));
        foreach (var a in doc.Root.Activities)
        {
            lines.Add($"activity {a.Id} {a.Type} name={a.Name} v{a.Version}");
            foreach (var (key, _) in a.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var input = a.Input(key);
                lines.Add(input is null
                    ? $"  {key} = {a.Property(key)?.ToJsonString() ?? "null"}"
                    : $"  {key} : {input.TypeName} {input.Expression?.Type} {input.Expression?.Value?.ToJsonString()} -> {a.OutputVariable(key)}");
            }
        }

        lines.AddRange(doc.Root.Connections.Select(c =>
            $"connection {c.Source}.{c.SourcePort} -> {c.Target}.{c.TargetPort} vertices={c.Vertices?.ToJsonString()} extra={c.Properties?.ToJsonString()}"));
        lines.Add($"root properties {doc.Root.Properties.ToJsonString()}");
        lines.Add($"doc properties {doc.Properties.ToJsonString()}");
        return lines;
    }
}
