using Orchestrator.Server;

var app = ServerApp.Create(args);
await app.RunAsync();
