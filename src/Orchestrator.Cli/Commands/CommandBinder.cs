using System.CommandLine;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// Attaches command bodies to commands: builds the per-invocation <see cref="CommandContext"/>, and turns
/// every failure into an exit code and one <c>orch: reason</c> line on stderr.
/// </summary>
internal sealed class CommandBinder(CliEnvironment environment, GlobalOptions globals)
{
    public delegate Task<ExitCode> CommandBody(CommandContext context, ParseResult parse, CancellationToken cancellationToken);

    public void SetAction(Command command, CommandBody body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var context = CommandContext.Create(parse, globals, environment);
                return (int)await body(context, parse, cancellationToken);
            }
            catch (Exception ex)
            {
                // The last line of defence: whatever went wrong becomes a documented exit code and a readable reason.
                var failure = CliFailure.From(ex, cancellationToken.IsCancellationRequested);
                await environment.Error.WriteLineAsync($"orch: {failure.OneLine()}");
                return (int)failure.Code;
            }
        });
}
