using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// C# methods marked <see cref="ToolAttribute"/>: schema and invocation through <see cref="AIFunctionFactory"/>. A
/// <see cref="ToolInvocationContext"/> parameter is bound from the call and left out of the schema (as is a
/// <see cref="CancellationToken"/>); instance methods run on a new instance built through DI in a scope of their own.
/// </summary>
internal sealed class CSharpToolSource : IToolSource
{
    private readonly Dictionary<string, AIFunction> _functions = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;

    public CSharpToolSource(IServiceProvider services, ToolsBuilder builder)
    {
        _services = services;
        var tools = new List<ToolEntry>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in builder.Types)
        {
            foreach (var method in ToolsBuilder.ToolMethods(type))
            {
                var attribute = method.GetCustomAttribute<ToolAttribute>()!;
                var origin = $"C# method {type.FullName}.{method.Name}";
                if (origins.TryGetValue(attribute.Name, out var first))
                {
                    throw new InvalidOperationException($"Two tools are named '{attribute.Name}': {first} and {origin}. Tool names must be unique.");
                }

                var function = Create(type, method, attribute);
                origins[attribute.Name] = origin;
                _functions[attribute.Name] = function;
                tools.Add(new ToolEntry(new ToolDescriptor(attribute.Name, function.Description, function.JsonSchema, "csharp"), origin));
            }
        }

        Tools = tools;
    }

    public IReadOnlyList<ToolEntry> Tools { get; }

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var function = _functions[tool.Name];
        await using var scope = _services.CreateAsyncScope();
        var args = new AIFunctionArguments(arguments.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value)))
        {
            Services = scope.ServiceProvider,
            Context = new Dictionary<object, object?> { [typeof(ToolInvocationContext)] = context },
        };
        var result = await function.InvokeAsync(args, context.CancellationToken);
        return result switch
        {
            null => "null",
            JsonElement { ValueKind: JsonValueKind.Undefined } => "null",
            JsonElement element => element.GetRawText(),
            _ => JsonSerializer.Serialize(result, OrchestratorJson.Options),
        };
    }

    private static AIFunction Create(Type type, MethodInfo method, ToolAttribute attribute)
    {
        if (string.IsNullOrWhiteSpace(attribute.Name) || attribute.Name.StartsWith(McpToolSource.Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The C# method {type.FullName}.{method.Name} has the tool name '{attribute.Name}': a tool name must not be empty or start with '{McpToolSource.Prefix}' (reserved for MCP tools).");
        }

        if (!method.IsStatic && (type.IsAbstract || type.IsGenericTypeDefinition))
        {
            throw new InvalidOperationException($"The tool '{attribute.Name}' is an instance method of {type.FullName}, which cannot be created; make the method static or the class concrete.");
        }

        var options = new AIFunctionFactoryOptions
        {
            Name = attribute.Name,
            Description = attribute.Description,
            SerializerOptions = OrchestratorJson.Options,
            ConfigureParameterBinding = BindContext,
        };
        return method.IsStatic
            ? AIFunctionFactory.Create(method, (object?)null, options)
            : AIFunctionFactory.Create(method, args => ActivatorUtilities.CreateInstance(args.Services!, type), options);
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
