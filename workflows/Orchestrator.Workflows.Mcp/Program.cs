using Orchestrator.Workflows.Mcp;

// stdio (default): an MCP client starts this process, e.g. Orchestrator:Tools:Mcp:library:Command = dotnet,
// :Arguments:0 = Orchestrator.Workflows.Mcp.dll. With --http: streamable HTTP at /mcp (pass --urls to choose where).
// LIBRARY_PID_FILE, when set, receives the process id, so a supervisor (or a test) can find the server it started.
if (Environment.GetEnvironmentVariable("LIBRARY_PID_FILE") is { Length: > 0 } pidFile)
{
    await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Contains("--http"))
{
    var web = WebApplication.CreateBuilder([.. args.Where(a => a != "--http")]);
    web.Services.AddMcpServer().WithHttpTransport().WithTools<LibraryTools>();
    var app = web.Build();
    app.MapMcp("/mcp");
    await app.RunAsync();
    return;
}

// stdout carries the protocol: every log line goes to stderr.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<LibraryTools>();
await builder.Build().RunAsync();
