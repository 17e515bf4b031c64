using Orchestrator.Workflows.Mcp;

// stdio (default): an MCP client starts this process. With --http: streamable HTTP at /mcp (pass --urls to choose where).
if (args.Contains("--http"))
{
    var web = WebApplication.CreateBuilder([.. args.Where(a => a != "--http")]);
    web.Services.AddMcpServer().WithHttpTransport().WithTools<LibraryTools>();
    var app = web.Build();
    app.MapMcp("/mcp");
    await app.RunAsync();
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<LibraryTools>();
await builder.Build().RunAsync();
