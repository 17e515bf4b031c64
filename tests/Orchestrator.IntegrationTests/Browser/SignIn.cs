using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.IntegrationTests.Browser;

/// <summary>Signs a person in on the sign-in page, as they would: by user and password, or by API key.</summary>
internal static class SignIn
{
    public static async Task WithPasswordAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ExpectSignedInAsync(page, user);
    }

    public static async Task WithApiKeyAsync(IPage page, string apiKey, string user)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key", Exact = true }).ClickAsync();
        await ExpectSignedInAsync(page, user);
    }

    private static async Task ExpectSignedInAsync(IPage page, string user)
    {
        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(header).ToContainTextAsync(user);
    }
}
