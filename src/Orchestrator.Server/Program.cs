using Orchestrator.Server;
using Orchestrator.Server.Configuration;

WebApplication app;
try
{
    app = ServerApp.Create(args);
}
catch (ServerConfigurationException e)
{
    // An operator's mistake, not a crash: one line that names the key beats a stack trace.
    await Console.Error.WriteLineAsync("Orchestrator cannot start: " + e.Message);
    return 2;
}

await app.RunAsync();
return 0;
