using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>A tool and where it was declared, e.g. <c>C# method Acme.CrmTools.Lookup</c>.</summary>
/// <param name="Descriptor">The tool.</param>
/// <param name="Origin">Where it was declared, for error messages.</param>
internal sealed record ToolEntry(ToolDescriptor Descriptor, string Origin);
