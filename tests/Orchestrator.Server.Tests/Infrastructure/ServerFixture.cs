using Microsoft.AspNetCore.Builder;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// One real server for all HTTP tests: built by the same <c>ServerApp.Create</c> as Program.cs, listening on a free
/// loopback port, with a temporary data folder, one user per role (and a second approver), and the test workflows of
/// this assembly deployed through <c>Orchestrator:WorkflowAssemblies</c>.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-server-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<HttpClient> _clients = [];
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server's data folder (its SQLite file is <c>orchestrator.db</c> there).</summary>
    public string DataDir => _dataDir;

    /// <summary>The server's services, for what tests must do inside it (create a human task, publish a signal).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _app = CreateApp(_dataDir);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>
    /// A server like the shared one on <paramref name="dataDir"/>, not started, with <paramref name="extraSettings"/> on top;
    /// for tests that restart a server or need settings (or an environment) of their own.
    /// </summary>
    public static WebApplication CreateApp(string dataDir, IReadOnlyDictionary<string, string?>? extraSettings = null, string environment = "Testing")
    {
        Directory.CreateDirectory(dataDir);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Orchestrator:DataDir"] = dataDir,
            ["Orchestrator:Stream:KeepAlive"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Orchestrator:WorkflowAssemblies:0"] = typeof(ServerFixture).Assembly.Location,

            // Every test calls from 127.0.0.1: the per-address limits get tests of their own (ClientLimitsTests).
            ["Orchestrator:Limits:CredentialFailuresPerAddress"] = "100000",
            ["Orchestrator:Limits:AnonymousAuditRecordsPerMinute"] = "100000",
        };
        foreach (var (user, roles) in TestUsers.RolesByUser)
        {
            settings[$"Orchestrator:Users:{user}:ApiKey"] = TestUsers.KeyOf(user);
            settings[$"Orchestrator:Users:{user}:Password"] = TestUsers.PasswordOf(user);
            for (var i = 0; i < roles.Length; i++)
            {
                settings[$"Orchestrator:Users:{user}:Roles:{i}"] = roles[i];
            }
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return ServerApp.Create(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = dataDir }, settings);
    }

    /// <summary>A client that sends the given user's key; null for an anonymous client.</summary>
    public HttpClient Client(string? user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.KeyOf(user));
        }

        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A client that sends no key and no cookies but what the test puts on its requests.</summary>
    public HttpClient CookielessClient()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_dataDir, recursive: true);
    }
}
