using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Flows.Definitions;

/// <summary>Settings of designer flows (<c>Orchestrator:Flows</c>).</summary>
public sealed class FlowOptions
{
    /// <summary>The configuration key of <see cref="MaxNodeOutputBytes"/>.</summary>
    public const string MaxNodeOutputBytesKey = "Orchestrator:Flows:MaxNodeOutputBytes";

    /// <summary>The default of <see cref="MaxNodeOutputBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxNodeOutputBytes = 1024 * 1024;

    /// <summary>
    /// Flow files published at start: each entry a <c>.json</c> file or a folder of them. A file is published when no
    /// published version of its definition has the same content, so restarts publish nothing new and an analyst's later
    /// version is not overwritten by an unchanged file.
    /// </summary>
    public IList<string> Paths { get; } = [];

    /// <summary>
    /// The largest output one node may produce (and the largest output of the whole flow), as UTF-8 JSON. A node whose
    /// output is larger fails, through its <c>Failed</c> port when it has one; the error names the node, the size and
    /// this setting. Read from <see cref="MaxNodeOutputBytesKey"/> when it is configured.
    /// </summary>
    public int MaxNodeOutputBytes { get; set; } = DefaultMaxNodeOutputBytes;

    /// <summary>Takes the settings that are configured; a value that is not a positive whole number is refused, naming its key.</summary>
    internal FlowOptions Configure(IConfiguration? configuration)
    {
        if (configuration?[MaxNodeOutputBytesKey] is { } text)
        {
            MaxNodeOutputBytes = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException(
                    $"Configuration '{MaxNodeOutputBytesKey}' is '{text}'; it must be a whole number of bytes above 0 (default {DefaultMaxNodeOutputBytes}).");
        }

        return this;
    }
}
