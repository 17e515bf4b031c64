using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>
/// The names one model call offers its tools under. Providers accept only <c>^[a-zA-Z0-9_-]{1,64}$</c> as a function
/// name, while registered tools are named <c>billing.refund</c> or <c>mcp:files.read</c>; the request and response in
/// history keep the registered names, and only the wire carries these. The map is built from the request's own tool
/// list, so it is the same on every replay, and it is one-to-one: a name that is already valid keeps it, any other is
/// spelled with <c>_</c> for each character the provider refuses and, when that spelling is taken (<c>a.b</c> next to
/// <c>a_b</c>) or too long, gets a numbered or hashed suffix until it is free.
/// </summary>
internal sealed class ModelToolNames
{
    /// <summary>The longest function name the OpenAI API accepts.</summary>
    public const int MaxLength = 64;

    private readonly Dictionary<string, string> _toWire = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fromWire = new(StringComparer.Ordinal);

    private ModelToolNames()
    {
    }

    /// <summary>The map for the tools a request offers (none: every name passes through unchanged).</summary>
    public static ModelToolNames For(IEnumerable<ModelToolSpec>? tools)
    {
        var map = new ModelToolNames();
        var names = (tools ?? []).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();

        // Valid names first, so they keep their spelling whatever order the tools come in.
        foreach (var name in names.Where(IsValid))
        {
            map.Add(name, name);
        }

        foreach (var name in names.Where(n => !IsValid(n)))
        {
            map.Add(name, map.FreeName(name));
        }

        return map;
    }

    /// <summary>Whether a provider accepts <paramref name="name"/> as a function name as it is.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The name the model sees for a registered tool; a name not offered in this request passes unchanged.</summary>
    public string ToWire(string name) => _toWire.TryGetValue(name, out var wire) ? wire : name;

    /// <summary>The registered name of a function the model called; a name it was not offered passes unchanged.</summary>
    public string FromWire(string name) => _fromWire.TryGetValue(name, out var registered) ? registered : name;

    /// <summary>A message with its tool calls named for the wire.</summary>
    public ModelMessage ToWire(ModelMessage message) => Rename(message, ToWire);

    /// <summary>A message from the model with its tool calls named as registered.</summary>
    public ModelMessage FromWire(ModelMessage message) => Rename(message, FromWire);

    private static ModelMessage Rename(ModelMessage message, Func<string, string> rename) =>
        message.ToolCalls is { Count: > 0 } calls
            ? message with { ToolCalls = [.. calls.Select(c => c with { Name = rename(c.Name) })] }
            : message;

    private void Add(string name, string wire)
    {
        _toWire[name] = wire;
        _fromWire[wire] = name;
    }

    private string FreeName(string name)
    {
        var spelled = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);
        if (spelled.Length == 0)
        {
            spelled = "tool";
        }

        if (spelled.Length > MaxLength)
        {
            // A stable digest of the full name keeps two long names that share their first 55 characters apart.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 4));
            spelled = spelled[..(MaxLength - hash.Length - 1)] + "_" + hash;
        }

        var candidate = spelled;
        for (var n = 2; _fromWire.ContainsKey(candidate); n++)
        {
            var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
            candidate = spelled[..Math.Min(spelled.Length, MaxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
