using Microsoft.Playwright;
using Zhifa.Web.Features.Demo;

namespace Zhifa.Browser.Tests.Infrastructure;

/// <summary>What a user does on the pages, in the words of the pages.</summary>
public static class Journey
{
    /// <summary>Fills the login form and submits it; the caller checks where it landed.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoSeeder.Password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("[name='Input.UserName']").FillAsync(userName);
        await page.Locator("[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}

/// <summary>
/// The browser profiles one journey opens (each a separate visitor); when the journey fails it leaves
/// a screenshot of every open page in /tmp, since a picture explains a broken page fastest.
/// </summary>
public sealed class BrowserSession(BrowserApp app, string name) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A page in a new, cookie-less profile.</summary>
    public async Task<IPage> NewVisitorAsync()
    {
        var context = await app.NewContextAsync();
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async Task RunAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var i = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                var file = Path.Combine(Path.GetTempPath(), $"zhifa-browser-{name}-{i++}.png");
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
                    Console.Error.WriteLine($"screenshot: {file} ({page.Url})");
                }
                catch (PlaywrightException) { }
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }
}
