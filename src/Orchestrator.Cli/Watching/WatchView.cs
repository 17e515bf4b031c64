using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Spectre.Console;

namespace Orchestrator.Cli.Watching;

/// <summary>
/// The human view of a watch: a spinner with the current status on a terminal, and one line per step.
/// Without a terminal there is no spinner and status changes are printed as lines instead.
/// </summary>
internal sealed class WatchView(IAnsiConsole console, TimeProvider clock, string instanceId) : IWatchObserver
{
    private StatusContext? _spinner;

    /// <summary>Runs <paramref name="watch"/> with this view attached, showing the spinner while it runs.</summary>
    public async Task<T> RunAsync<T>(Func<IWatchObserver, Task<T>> watch)
    {
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            return await watch(this);
        }

        return await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Label("connecting"), async context =>
            {
                _spinner = context;
                try
                {
                    return await watch(this);
                }
                finally
                {
                    _spinner = null;
                }
            });
    }

    public void OnStatus(StatusChange change)
    {
        var custom = JsonPreview.OneLine(change.CustomStatus, 80);
        var text = custom == "-" ? StatusStyles.Markup(change.Status) : $"{StatusStyles.Markup(change.Status)} [grey]{Markup.Escape(custom)}[/]";
        if (_spinner is { } spinner)
        {
            spinner.Status = Label(text);
        }
        else
        {
            console.MarkupLine($"[grey]{TimeFormat.Clock(clock.GetUtcNow(), clock)}[/] status {text}");
        }
    }

    public void OnStep(HistoryStep step)
    {
        console.Write(StepLine.Render(step, clock));
        console.WriteLine();
    }

    public void OnHistoryReset() => console.MarkupLine("[yellow]The history was replaced (restart); the steps start over[/]");

    public void OnFallbackToPolling(string reason, TimeSpan interval) =>
        console.MarkupLine($"[yellow]{Markup.Escape(reason)}; polling every {(int)interval.TotalMilliseconds} ms[/]");

    private string Label(string statusMarkup) => $"Watching [bold]{Markup.Escape(instanceId)}[/]: {statusMarkup}";
}
