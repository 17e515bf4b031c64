using System.CommandLine;
using System.CommandLine.Help;

namespace Orchestrator.Cli.Commands;

/// <summary>Builds the <c>orch</c> command tree.</summary>
internal static class OrchCommand
{
    public static Command Create(CliEnvironment environment)
    {
        // A plain command rather than RootCommand: help then says "orch" whatever process hosts the CLI.
        var help = new HelpOption();
        help.Action = new ExitCodeHelpAction((HelpAction)help.Action!);
        var root = new Command("orch", "Start, watch and operate Orchestrator workflow instances, import and export flow definitions, decide approvals, read the audit trail and usage, over the HTTP API.")
        {
            help,
            new VersionOption(),
        };
        var globals = new GlobalOptions();
        globals.AddTo(root);

        var binder = new CommandBinder(environment, globals);
        root.Add(WorkflowsCommand.Create(binder));
        root.Add(DefinitionsCommand.Create(binder));
        root.Add(StartCommand.Create(binder));
        root.Add(ListCommand.Create(binder));
        root.Add(StatusCommand.Create(binder));
        root.Add(HistoryCommand.Create(binder));
        root.Add(WatchCommand.Create(binder));
        root.Add(RaiseCommand.Create(binder));
        foreach (var operation in OperationCommands.Create(binder))
        {
            root.Add(operation);
        }

        root.Add(PurgeCommand.Create(binder));
        root.Add(ApprovalsCommand.Create(binder));
        foreach (var decision in DecisionCommands.Create(binder))
        {
            root.Add(decision);
        }

        root.Add(AuditCommand.Create(binder));
        root.Add(UsageCommand.Create(binder));
        return root;
    }
}
