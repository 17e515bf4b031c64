using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// C# methods marked <see cref="ToolAttribute"/>: schema and invocation through <see cref="AIFunctionFactory"/>; a
/// <see cref="ToolInvocationContext"/> parameter is bound from the call and left out of the schema.
/// </summary>
internal sealed class CSharpToolSource : IToolSource
{
    private readonly Dictionary<string, AIFunction> _functions = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;

    public CSharpToolSource(IServiceProvider services, ToolsBuilder builder)
    {
        _services = services;
        foreach (var type in builder.Types)
        {
            foreach (var method in ToolsBuilder.ToolMethods(type))
            {
                var attribute = method.GetCustomAttribute<ToolAttribute>()!;
                var options = new AIFunctionFactoryOptions
                {
                    Name = attribute.Name,
                    Description = attribute.Description,
                    SerializerOptions = OrchestratorJson.Options,
                    ConfigureParameterBinding = BindContext,
                };
                _functions[attribute.Name] = method.IsStatic
                    ? AIFunctionFactory.Create(method, (object?)null, options)
                    : AIFunctionFactory.Create(method, args => ActivatorUtilities.CreateInstance(args.Services ?? _services, type), options);
            }
        }
    }

    public Task<IReadOnlyList<ToolDescriptor>> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ToolDescriptor>>([.. _functions.Values.Select(f => new ToolDescriptor(f.Name, f.Description, f.JsonSchema, "csharp"))]);

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var function = _functions[tool.Name];
        var args = new AIFunctionArguments(arguments.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value)))
        {
            Services = _services,
            Context = new Dictionary<object, object?> { [typeof(ToolInvocationContext)] = context },
        };
        var result = await function.InvokeAsync(args, context.CancellationToken);
        return result switch
        {
            null => "null",
            JsonElement element => element.GetRawText(),
            _ => JsonSerializer.Serialize(result, OrchestratorJson.Options),
        };
    }

    private static AIFunctionFactoryOptions.ParameterBindingOptions BindContext(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(ToolInvocationContext)
            ? new AIFunctionFactoryOptions.ParameterBindingOptions
            {
                ExcludeFromSchema = true,
                BindParameter = (_, args) => args.Context![typeof(ToolInvocationContext)],
            }
            : default;
}
