using System.Reflection;

namespace Orchestrator.Agents.Tools;

/// <summary>Collects the classes whose <see cref="ToolAttribute"/> methods become tools.</summary>
public sealed class ToolsBuilder
{
    private readonly List<Type> _types = [];

    /// <summary>The registered tool classes, in registration order.</summary>
    public IReadOnlyList<Type> Types => _types;

    /// <summary>Registers the tool methods of a class (an instance is created through DI for every call; static methods need none).</summary>
    /// <typeparam name="T">The class.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The class has no public method marked <see cref="ToolAttribute"/>.</exception>
    public ToolsBuilder AddTools<T>()
        where T : class
    {
        if (!ToolMethods(typeof(T)).Any())
        {
            throw new ArgumentException($"{typeof(T).FullName} has no public method marked [Tool(\"name\")].", nameof(T));
        }

        return Add(typeof(T));
    }

    /// <summary>Registers every class in an assembly that has tool methods (static classes included).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This builder.</returns>
    public ToolsBuilder AddToolsFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsGenericTypeDefinition: false } && ToolMethods(t).Any()))
        {
            Add(type);
        }

        return this;
    }

    internal static IEnumerable<MethodInfo> ToolMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<ToolAttribute>() is not null);

    private ToolsBuilder Add(Type type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }

        return this;
    }
}
