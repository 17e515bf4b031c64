using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Core.Client;

namespace Orchestrator.Core.Registry;

/// <summary>
/// Reads a code workflow's input into its input type the way its runner does, so a start can be refused with the
/// field and the type it must have, instead of failing later in the instance with a bare serializer error.
/// </summary>
internal static class WorkflowInput
{
    /// <summary>The input as <typeparamref name="T"/>; a <see cref="WorkflowInputException"/> naming the field when it does not fit.</summary>
    public static T? Read<T>(string workflow, string? json)
    {
        try
        {
            return OrchestratorJson.Deserialize<T>(json);
        }
        catch (JsonException ex)
        {
            throw Problem(workflow, typeof(T), ex);
        }
    }

    /// <summary>A check for <see cref="WorkflowRegistration.CheckInput"/>: null when the input fits <typeparamref name="T"/>.</summary>
    public static Func<string?, WorkflowInputException?> CheckFor<T>(string workflow) => json =>
    {
        try
        {
            _ = OrchestratorJson.Deserialize<T>(json);
            return null;
        }
        catch (JsonException ex)
        {
            return Problem(workflow, typeof(T), ex);
        }
    };

    private static WorkflowInputException Problem(string workflow, Type inputType, JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var where = path == "$" ? "the input as a whole" : $"the field {path}";

        // The serializer's own words name the type it was building, which is not always the field's: say it only when
        // the field's type is unknown.
        var what = TypeAt(inputType, path) is { } type ? $"{where} must be {Describe(type)}." : $"{where} does not fit: {Reason(ex)}";
        return new WorkflowInputException(
            $"The input does not fit workflow '{workflow}' (input type {Name(inputType)}): {what} Fix the input and start again.", ex)
        {
            Path = path,
        };
    }

    /// <summary>The serializer's reason without its position suffix (the path is named already).</summary>
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    /// <summary>The declared type at a JSON path such as <c>$.items[0].qty</c>, or null when the path leaves the known shape.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        var i = 1;
        while (i < path.Length)
        {
            string? property = null;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                property = path[(i + 1)..(end < 0 ? path.Length : end)];
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                property = path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                i = end + 1;
            }
            else
            {
                return null;
            }

            var info = OrchestratorJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = (property, info.Kind) switch
            {
                (null, JsonTypeInfoKind.Enumerable) => info.ElementType,
                (not null, JsonTypeInfoKind.Dictionary) => info.ElementType,
                (not null, JsonTypeInfoKind.Object) => info.Properties.FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static string Describe(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        var what = inner switch
        {
            _ when inner == typeof(string) => "a string",
            _ when inner == typeof(bool) => "true or false",
            _ when inner == typeof(int) || inner == typeof(long) || inner == typeof(short) || inner == typeof(byte)
                || inner == typeof(uint) || inner == typeof(ulong) || inner == typeof(ushort) || inner == typeof(sbyte) => "a whole number",
            _ when inner == typeof(double) || inner == typeof(float) || inner == typeof(decimal) => "a number",
            _ when inner == typeof(DateTime) || inner == typeof(DateTimeOffset) => "a date and time in ISO 8601 (e.g. 2025-03-14T09:26:53Z)",
            _ when inner == typeof(Guid) => "a GUID string",
            _ when inner == typeof(TimeSpan) => "a time span string such as 00:05:00",
            _ when inner.IsEnum => $"one of {string.Join(", ", Enum.GetNames(inner).Select(n => $"\"{n}\""))}",
            _ => OrchestratorJson.Options.GetTypeInfo(inner).Kind switch
            {
                JsonTypeInfoKind.Enumerable => "an array",
                JsonTypeInfoKind.Dictionary => "an object of names and values",
                JsonTypeInfoKind.Object => "an object",
                _ => "a value",
            },
        };
        return $"{what} ({Name(type)}{(Nullable.GetUnderlyingType(type) is null ? string.Empty : ", or null")})";
    }

    /// <summary>A type's name as C# writes it: <c>List&lt;OrderLine&gt;</c>, <c>Int32</c>.</summary>
    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = new StringBuilder(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]).Append('<');
        name.AppendJoin(", ", type.GetGenericArguments().Select(Name));
        return name.Append('>').ToString();
    }
}
