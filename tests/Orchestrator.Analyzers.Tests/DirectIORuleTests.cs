using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class DirectIORuleTests
{
    [Theory]
    [InlineData("using var client = [|new HttpClient()|];")]
    [InlineData("var body = await [|_http.GetStringAsync(\"https://example.com\")|];")]
    [InlineData("var order = await [|_http.GetFromJsonAsync<int>(\"https://example.com\")|];")]
    [InlineData("var response = await [|new HttpClient()|].GetAsync(\"https://example.com\");")]
    [InlineData("var text = [|File.ReadAllText(\"order.json\")|];")]
    [InlineData("var exists = [|Directory.Exists(\"orders\")|];")]
    [InlineData("var info = [|new FileInfo(\"order.json\")|];")]
    [InlineData("using var stream = [|new FileStream(\"order.json\", FileMode.Open)|];")]
    [InlineData("using var reader = [|new StreamReader(\"order.json\")|];")]
    [InlineData("using var writer = [|new StreamWriter(\"order.json\")|];")]
    [InlineData("using var tcp = [|new TcpClient()|];")]
    [InlineData("using var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];")]
    [InlineData("#pragma warning disable SYSLIB0014\nvar request = [|WebRequest.Create(\"https://example.com\")|];")]
    [InlineData("var addresses = await [|Dns.GetHostAddressesAsync(\"example.com\")|];")]
    public async Task Analyze_IOInWorkflow_ReportsOrch006(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH006");
    }

    [Theory]
    [InlineData("var path = Path.Combine(\"orders\", input);")]
    [InlineData("using var reader = new StringReader(input);")]
    [InlineData("using var memory = new MemoryStream();")]
    [InlineData("var family = AddressFamily.InterNetwork;")]
    [InlineData("var text = await ctx.CallActivityAsync<string>(\"ReadOrderFile\", input);")]
    public async Task Analyze_InMemoryOrActivityIO_ReportsNothing(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH006");
    }
}
