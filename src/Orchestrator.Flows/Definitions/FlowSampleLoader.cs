using Microsoft.Extensions.Logging;
using Orchestrator.Flows.Elsa;

namespace Orchestrator.Flows.Definitions;

/// <summary>Publishes the flow files of <see cref="FlowOptions.Paths"/> at start (each one only when its content is new).</summary>
internal sealed class FlowSampleLoader(FlowDefinitionService service, FlowOptions options, ILogger<FlowSampleLoader> logger)
{
    /// <summary>Who the versions published from files are recorded as published by.</summary>
    public const string Publisher = "system";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Files())
        {
            try
            {
                var doc = ElsaJson.Read(await File.ReadAllTextAsync(file, cancellationToken));
                if (await service.PublishIfNewAsync(doc, Publisher, cancellationToken) is { } published)
                {
                    logger.LogInformation("Published flow {DefinitionId} version {Version} from {File}.", published.DefinitionId, published.Version, file);
                }
            }
            catch (Exception e) when (e is FlowFormatException or FlowDefinitionException or IOException)
            {
                // A broken sample must not stop the server; the message says what to fix in the file.
                logger.LogWarning("The flow file {File} was not published: {Message}", file, e.Message);
            }
        }
    }

    private IEnumerable<string> Files()
    {
        foreach (var path in options.Paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                logger.LogWarning("The flow path {Path} (Orchestrator:Flows:Paths) is neither a file nor a folder.", path);
            }
        }
    }
}
