using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Internal;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class SqliteWorkflowStoreTests : StoreTestBase
{
    [Fact]
    public async Task InitializeAsync_SecondStoreOnSameFolder_ThrowsNamingTheFolder()
    {
        await using var second = CreateStore(Folder.Path);

        var act = () => second.InitializeAsync(None);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"*{Folder.Path}*in use*")
            .WithInnerException<IOException>();
    }

    [Fact]
    public async Task DisposeAsync_ReleasesTheFolder_AnotherStoreOpensIt()
    {
        await CreateAsync("a");
        await Store.DisposeAsync();

        await using var second = CreateStore(Folder.Path);
        await second.InitializeAsync(None);

        (await second.GetInstanceAsync("a", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task InitializeAsync_LockedFolder_LeavesTheHolderWorking()
    {
        await using var second = CreateStore(Folder.Path);
        await FluentActions.Awaiting(() => second.InitializeAsync(None)).Should().ThrowAsync<InvalidOperationException>();

        await CreateAsync("a");

        (await Store.GetInstanceAsync("a", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task WriteAsync_BeforeInitialize_ThrowsInvalidOperation()
    {
        using var folder = new TempDirectory();
        await using var store = CreateStore(folder.Path);

        var act = () => store.WriteAsync([new PurgeWrite("a")], None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*InitializeAsync*");
    }

    [Fact]
    public async Task GetInstanceAsync_AfterDispose_ThrowsObjectDisposed()
    {
        await Store.DisposeAsync();

        var act = () => Store.GetInstanceAsync("a", None);

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentReadersAndWriters_AllSucceed()
    {
        await CreateAsync("a");
        var writers = Enumerable.Range(0, 20).Select(i => WriteAsync(new EnqueueWrite("a", Samples.Raised("e", i))));
        var readers = Enumerable.Range(0, 20).Select(_ => Store.LoadInstanceAsync("a", None));

        await Task.WhenAll([.. writers, .. readers]);

        CountRows("inbox", "a").Should().Be(21);
    }

    [Fact]
    public async Task WaitForWorkAsync_Timeout_CompletesAfterTheTimeout()
    {
        var started = TimeProvider.System.GetTimestamp();

        await Store.WaitForWorkAsync(TimeSpan.FromMilliseconds(50), None);

        TimeProvider.System.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45));
    }

    [Fact]
    public async Task WaitForWorkAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var act = () => Store.WaitForWorkAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task UseSqlite_Configured_RegistersStoreOnTheDataDir()
    {
        using var folder = new TempDirectory();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrchestrator(o => o.UseSqlite(s => s.DataDir = folder.Path));
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IWorkflowStore>();
        await store.InitializeAsync(None);

        store.Should().BeOfType<SqliteWorkflowStore>().Which.DatabasePath.Should().Be(Path.Combine(folder.Path, "orchestrator.db"));
        File.Exists(Path.Combine(folder.Path, "orchestrator.lock")).Should().BeTrue();
    }
}
