using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class SignInJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_password_five_times_locks_the_account()
    {
        await using var session = new BrowserSession(app, "lockout");
        await session.RunAsync(async () =>
        {
            var page = await session.NewVisitorAsync();
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await Journey.SignInAsync(page, "handler2", "Wrong@2026");
                await Expect(page.Locator("form").GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
            }

            await Journey.SignInAsync(page, "handler2", "Wrong@2026");
            await Expect(page.Locator("form").GetByRole(AriaRole.Alert)).ToContainTextAsync("锁定");

            // Even the right password is refused until the lock runs out.
            await Journey.SignInAsync(page, "handler2");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
            await Expect(page.Locator("form").GetByRole(AriaRole.Alert)).ToContainTextAsync("锁定");
        });
    }
}
