using Orchestrator.Agents.Tools;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// What an MCP server answers is outside input: a tool list nested too deep, too large, or never sent makes that
/// server's tools unavailable with one clear error, in bounded time, and leaves everything else working. The servers
/// are real processes (a few lines of Python speaking JSON-RPC over stdio).
/// </summary>
public sealed class McpServerAnswerTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public McpServerAnswerTests() => Directory.CreateDirectory(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ListTools_SchemaNestedTenThousandLevels_MakesTheServerUnavailableAndTheRestWorks()
    {
        await using var tools = ToolHost.Create(Server("deep", "10000"));

        var failure = (await tools.Invoking(t => t.InvokeAsync("mcp:deep.deep", "{}")).Should().ThrowAsync<ToolUnavailableException>()).Which;

        failure.Message.Should().StartWith("The MCP server 'deep'").And.Contain("within 00:00:03 (Orchestrator:Tools:Mcp:deep:ConnectTimeout)");
        (await tools.Registry.ListAsync()).Select(t => t.Name).Should().Contain("crm.lookup").And.NotContain(n => n.StartsWith("mcp:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTools_NeverAnswered_IsUnavailableWithinTheTimeout()
    {
        await using var tools = ToolHost.Create(Server("silent", "silent"));

        var failure = (await tools.Invoking(t => t.InvokeAsync("mcp:silent.deep", "{}")).Should().ThrowAsync<ToolUnavailableException>()).Which;

        failure.Message.Should().StartWith("The MCP server 'silent'").And.Contain("within 00:00:03 (Orchestrator:Tools:Mcp:silent:ConnectTimeout)");
    }

    private Dictionary<string, string?> Server(string name, string mode)
    {
        var script = Path.Combine(_folder.Path, "server.py");
        File.WriteAllText(script, Script);
        return new Dictionary<string, string?>
        {
            [$"Orchestrator:Tools:Mcp:{name}:Command"] = "python3",
            [$"Orchestrator:Tools:Mcp:{name}:Arguments:0"] = script,
            [$"Orchestrator:Tools:Mcp:{name}:Arguments:1"] = mode,
            [$"Orchestrator:Tools:Mcp:{name}:ConnectTimeout"] = "00:00:03",
        };
    }

    private const string Script = """
        import json, sys
        mode = sys.argv[1]
        depth = int(mode) if mode.isdigit() else 1
        schema = '{"type":"object","properties":{"a":' * depth + '{"type":"string"}' + '}}' * depth
        for line in sys.stdin:
            msg = json.loads(line)
            if "id" not in msg:
                continue
            if msg["method"] == "initialize":
                result = '{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"scripted","version":"1"}}'
            elif msg["method"] == "tools/list":
                if mode == "silent":
                    continue
                result = '{"tools":[{"name":"deep","description":"d","inputSchema":' + schema + '}]}'
            else:
                sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": -32601, "message": "Method not found"}}) + '\n')
                sys.stdout.flush()
                continue
            sys.stdout.write('{"jsonrpc":"2.0","id":' + json.dumps(msg["id"]) + ',"result":' + result + '}\n')
            sys.stdout.flush()
        """;
}
