using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Watching;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary>Everything one command invocation works with: the API client, the output, the clock.</summary>
internal sealed class CommandContext : IDisposable
{
    private readonly CliEnvironment _environment;

    private CommandContext(CliEnvironment environment, OrchestratorApiClient api, IAnsiConsole console, bool json)
    {
        _environment = environment;
        Api = api;
        Console = console;
        Json = json;
    }

    public OrchestratorApiClient Api { get; }

    /// <summary>Human output; plain text when stdout is not a terminal.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Whether <c>--json</c> was given: stdout then carries one JSON document and nothing else.</summary>
    public bool Json { get; }

    public TimeProvider Clock => _environment.Clock;

    public static CommandContext Create(ParseResult parse, GlobalOptions globals, CliEnvironment environment)
    {
        var server = globals.ResolveServer(parse, environment.GetVariable);
        var apiKey = globals.ResolveApiKey(parse, environment.GetVariable);
        var console = ConsoleFactory.Create(environment.Out, environment.OutputIsTerminal, environment.GetVariable, environment.ConsoleWidth);
        var api = new OrchestratorApiClient(server, apiKey, environment.HttpHandler);
        return new CommandContext(environment, api, console, parse.GetValue(globals.Json));
    }

    /// <summary>Writes a JSON document to stdout as received, with one trailing newline.</summary>
    public void WriteJson(string json) => _environment.Out.WriteLine(json.TrimEnd());

    /// <summary>Writes a renderable and ends the line, whatever kind of renderable it is.</summary>
    public void Render(IRenderable renderable) => Console.Write(new Rows(renderable));

    /// <summary>Prints a response: the server's JSON with <c>--json</c>, otherwise the human view of it.</summary>
    public void Show<T>(ApiResult<T> result, Func<T, IRenderable> render)
    {
        if (Json)
        {
            WriteJson(result.Json);
        }
        else
        {
            Render(render(result.Value));
        }
    }

    public InstanceWatcher CreateWatcher() => new(Api, Clock, _environment.PollInterval);

    public void Dispose() => Api.Dispose();
}
