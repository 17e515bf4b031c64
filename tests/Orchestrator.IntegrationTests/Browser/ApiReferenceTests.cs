using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Orchestrator.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>
/// The API reference at <c>/scalar</c> works offline and says the truth: it asks nothing of any host but the server, logs
/// no console error, shows placeholders such as <c>&lt;user&gt;</c> in the auth text, and does not claim that health needs
/// a key.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Scalar_Offline_LoadsFromTheServerAloneWithoutConsoleErrorsAndShowsTheAuthText()
    {
        using var folder = new TestFolder("browser-scalar");
        await using var server = await BrowserServer.StartAsync(folder);
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var elsewhere = new List<string>();
        var errors = new List<string>();

        // Offline: whatever the page asks of another host is refused and remembered.
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url) is { Scheme: "data" or "blob" } or { IsLoopback: true })
            {
                await route.ContinueAsync();
                return;
            }

            lock (elsewhere)
            {
                elsewhere.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        await Screenshots.OnFailureAsync("scalar", async () =>
        {
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    lock (errors)
                    {
                        errors.Add(message.Text);
                    }
                }
            };
            page.PageError += (_, error) =>
            {
                lock (errors)
                {
                    errors.Add(error);
                }
            };

            await page.GotoAsync("/scalar");
            await Expect(page.GetByText("Orchestrator:Users:<user>:ApiKey").First).ToBeVisibleAsync();
            await Expect(page.GetByText("Authorization: Bearer <api key>").First).ToBeVisibleAsync();
            var health = page.Locator("section[id$='/GET/api/health']");
            await Expect(health).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            (await health.InnerTextAsync()).Should().NotContain("Auth Required", "health needs no key");
            foreach (var cloudOnly in new[] { "Ask AI", "Generate SDK", "Deploy", "Developer Tools" })
            {
                (await page.GetByText(cloudOnly, new() { Exact = true }).CountAsync()).Should().Be(0, $"'{cloudOnly}' needs Scalar's cloud");
            }
        }, context);

        elsewhere.Should().BeEmpty("the page must work offline");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task OpenApiDocument_AnonymousEndpoints_HaveNoSecurityRequirement()
    {
        using var folder = new TestFolder("openapi-security");
        await using var server = await BrowserServer.StartAsync(folder);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.GetProperty("/api/health").GetProperty("get").GetProperty("security").GetArrayLength().Should().Be(0);
        paths.GetProperty("/api/session").GetProperty("post").GetProperty("security").GetArrayLength().Should().Be(0);
        paths.GetProperty("/api/workflows").GetProperty("get").TryGetProperty("security", out _).Should().BeFalse("it takes the document's API key requirement");
        document.GetProperty("security").GetArrayLength().Should().Be(1);
    }
}
