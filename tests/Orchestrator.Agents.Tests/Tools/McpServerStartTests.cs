using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Agents.Tools;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// How a stdio MCP server is started: with an explicit, minimal environment, and — when it cannot start — with one
/// clear line that names the server, the missing path and the setting. The servers are real processes.
/// </summary>
public sealed class McpServerStartTests : IDisposable
{
    private const string LibraryToken = "lib-token-5f0c2a9e";
    private readonly TestDataFolder _folder = new();

    public McpServerStartTests() => Directory.CreateDirectory(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_StdioServer_SeesOnlyTheMinimalAndTheConfiguredEnvironment_NotTheServersSecrets()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var hostSecrets = new Dictionary<string, string>
        {
            [$"PAYMENTS_API_KEY_{suffix}"] = "pk-live-9d1b7c3e",
            [$"Orchestrator__Secrets__Billing{suffix}"] = "billing-secret-4e8a",
        };
        foreach (var (name, value) in hostSecrets)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var dump = Path.Combine(_folder.Path, "environment.txt");
            await using var tools = ToolHost.Create(DumpingEnvironment(dump, new()
            {
                ["Orchestrator:Tools:Mcp:library:Environment:LIBRARY_TOKEN"] = "secret:LibraryToken",
                ["Orchestrator:Tools:Mcp:library:Environment:LIBRARY_REGION"] = "eu",
            }));

            var result = JsonDocument.Parse(await tools.InvokeAsync("mcp:library.search_papers", """{"query":"repair"}""")).RootElement;

            result.GetProperty("papers")[0].GetProperty("id").GetString().Should().Be("P-42", "PATH and HOME are enough for 'dotnet server.dll'");
            var environment = File.ReadAllLines(dump).Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            environment.Should().ContainKey("PATH");
            environment["LIBRARY_TOKEN"].Should().Be(LibraryToken, "a configured secret: reference is resolved");
            environment["LIBRARY_REGION"].Should().Be("eu");
            environment.Keys.Should().NotContain(hostSecrets.Keys).And.NotContain(k => k.StartsWith("Orchestrator__", StringComparison.Ordinal));
            environment.Values.Should().NotContain(hostSecrets.Values);
        }
        finally
        {
            foreach (var name in hostSecrets.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public async Task Invoke_ServerEchoesASecretOfItsEnvironment_TheAnswerHasItCutOut()
    {
        await using var tools = ToolHost.Create(DumpingEnvironment(Path.Combine(_folder.Path, "environment.txt"), new()
        {
            ["Orchestrator:Tools:Mcp:library:Environment:LIBRARY_TOKEN"] = "secret:LibraryToken",
        }));

        var result = JsonDocument.Parse(await tools.InvokeAsync("mcp:library.search_papers", $$"""{"query":"{{LibraryToken}}"}""")).RootElement;

        result.GetProperty("query").GetString().Should().Be("***");
    }

    [Fact]
    public async Task Invoke_ProgramFileMissing_IsOneLineNamingTheServerThePathAndTheKey_AndNothingStarts()
    {
        var missing = Path.Combine(_folder.Path, "missing.dll");
        var logs = new LogCapture();
        await using var tools = ToolHost.Create(
            new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Mcp:broken:Command"] = "dotnet",
                ["Orchestrator:Tools:Mcp:broken:Arguments:0"] = missing,
            },
            logs);
        var expected = $"The MCP server 'broken' cannot start: the file '{missing}' (Orchestrator:Tools:Mcp:broken:Arguments:0) does not exist.";

        var registry = tools.Registry;
        var failure = (await tools.Invoking(t => t.InvokeAsync("mcp:broken.anything", "{}")).Should().ThrowAsync<ToolUnavailableException>()).Which;
        var listed = await registry.ListAsync();

        failure.Message.Should().Be(expected);
        failure.InnerException.Should().BeNull();
        listed.Select(t => t.Name).Should().Contain("crm.lookup").And.NotContain(n => n.StartsWith("mcp:", StringComparison.Ordinal));
        var entries = logs.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        entries.Select(e => e.Message).Should().Equal(
            $"{expected} Its tools are unavailable until that is fixed.",
            $"The tools of the MCP server 'broken' are left out of the list: {expected}");
        entries.Should().OnlyContain(e => e.Exception == null && e.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData("Command", "no-such-mcp-server", "the command 'no-such-mcp-server' (Orchestrator:Tools:Mcp:broken:Command) is not on the PATH; install it or set Orchestrator:Tools:Mcp:broken:Command to its full path.")]
    [InlineData("Command", "./bin/no-such-server", "the command '{dir}/bin/no-such-server' (Orchestrator:Tools:Mcp:broken:Command) does not exist (a relative path resolves against Orchestrator:Tools:Mcp:broken:WorkingDirectory*")]
    [InlineData("WorkingDirectory", "{dir}/gone", "the working directory '{dir}/gone' (Orchestrator:Tools:Mcp:broken:WorkingDirectory) does not exist*")]
    [InlineData("Environment:TOKEN", "secret:NotSetAnywhere", "Orchestrator:Tools:Mcp:broken:Environment:TOKEN refers to the secret 'NotSetAnywhere', which is not set: set Orchestrator:Secrets:NotSetAnywhere or the environment variable NotSetAnywhere.")]
    public async Task Invoke_SomethingTheServerNeedsIsMissing_NamesItAndItsKey(string setting, string value, string reason)
    {
        await using var tools = ToolHost.Create(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Mcp:broken:Command"] = "dotnet",
            ["Orchestrator:Tools:Mcp:broken:WorkingDirectory"] = _folder.Path,
            [$"Orchestrator:Tools:Mcp:broken:{setting}"] = value.Replace("{dir}", _folder.Path, StringComparison.Ordinal),
        });

        await tools.Invoking(t => t.InvokeAsync("mcp:broken.anything", "{}")).Should().ThrowAsync<ToolUnavailableException>()
            .WithMessage($"The MCP server 'broken' cannot start: {reason.Replace("{dir}", _folder.Path, StringComparison.Ordinal)}");
    }

    [Fact]
    public async Task Invoke_ServerThatExitsAtOnce_IsUnavailable_AndEveryLogEntryIsOneLine()
    {
        var logs = new LogCapture();
        await using var tools = ToolHost.Create(
            new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Mcp:broken:Command"] = "sh",
                ["Orchestrator:Tools:Mcp:broken:Arguments:0"] = "-c",
                ["Orchestrator:Tools:Mcp:broken:Arguments:1"] = "echo 'Possible reasons for this include:'; echo '  * a typo'; echo 'missing runtime' >&2; exit 3",
            },
            logs);

        await tools.Invoking(t => t.InvokeAsync("mcp:broken.anything", "{}"))
            .Should().ThrowAsync<ToolUnavailableException>().WithMessage("The MCP server 'broken' (Orchestrator:Tools:Mcp:broken) could not be reached: *missing runtime*");
        (await tools.Registry.ListAsync()).Should().NotContain(t => t.Name.StartsWith("mcp:", StringComparison.Ordinal));

        logs.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.Exception == null && !e.Message.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ServerThatExitsAtOnce_SaysWhatItWroteToStderr_WithItsSecretsCutOut()
    {
        var logs = new LogCapture();
        await using var tools = ToolHost.Create(
            new Dictionary<string, string?>
            {
                ["Orchestrator:Secrets:LibraryToken"] = LibraryToken,
                ["Orchestrator:Tools:Mcp:broken:Command"] = "sh",
                ["Orchestrator:Tools:Mcp:broken:Arguments:0"] = "-c",
                ["Orchestrator:Tools:Mcp:broken:Arguments:1"] = "echo \"token $LIBRARY_TOKEN refused: missing runtime\" >&2; exit 3",
                ["Orchestrator:Tools:Mcp:broken:Environment:LIBRARY_TOKEN"] = "secret:LibraryToken",
            },
            logs);

        var failure = (await tools.Invoking(t => t.InvokeAsync("mcp:broken.anything", "{}")).Should().ThrowAsync<ToolUnavailableException>()).Which;

        failure.Message.Should().Contain("refused: missing runtime").And.NotContain(LibraryToken);
        failure.InnerException.Should().BeNull("the library's exception quotes the stderr as it was");
        logs.Entries.Should().NotBeEmpty().And.NotContain(e => e.Message.Contains(LibraryToken, StringComparison.Ordinal));
    }

    /// <summary>The sample server started through <c>sh</c>, which first writes the environment it got to <paramref name="dump"/>.</summary>
    private static Dictionary<string, string?> DumpingEnvironment(string dump, Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orchestrator:Secrets:LibraryToken"] = LibraryToken,
            ["Orchestrator:Tools:Mcp:library:Command"] = "sh",
            ["Orchestrator:Tools:Mcp:library:Arguments:0"] = "-c",
            ["Orchestrator:Tools:Mcp:library:Arguments:1"] = "env > \"$ENV_DUMP\" && exec dotnet \"$0\"",
            ["Orchestrator:Tools:Mcp:library:Arguments:2"] = SampleMcpServer.Dll,
            ["Orchestrator:Tools:Mcp:library:Environment:ENV_DUMP"] = dump,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
