using System.Globalization;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class OfficerCertificateJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_adds_an_officer_with_a_certificate_prints_its_QR_code_and_anyone_can_check_it()
    {
        await using var session = new BrowserSession(app, "officer-certificate");
        await session.RunAsync(async () =>
        {
            var stamp = DateTime.UtcNow.Ticks;
            // A name of Chinese characters only, different on every run.
            const string given = "明远志诚嘉瑞安宁浩然思远";
            var name = "宋" + given[(int)(stamp % given.Length)] + given[(int)(stamp / 7 % given.Length)] + given[(int)(stamp / 49 % given.Length)];
            var number = "4399" + (stamp % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            var today = DateOnly.FromDateTime(DateTime.Today);

            var page = await session.NewVisitorAsync();
            await Journey.SignInAsync(page, "admin");
            await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

            await page.GotoAsync("/officers/new");
            await page.Locator("[name='Input.Name']").FillAsync(name);
            await page.Locator("[name='Input.AgencyId']").SelectOptionAsync(new SelectOptionValue { Label = "永兴县卫生健康局" });
            // Units are listed under their agency, so the choice is made within that agency's group.
            var unit = page.Locator("select[name='Input.UnitId'] optgroup[label='永兴县卫生健康局'] option", new() { HasTextString = "公共卫生监督股" });
            await page.Locator("[name='Input.UnitId']").SelectOptionAsync(new SelectOptionValue { Value = await unit.GetAttributeAsync("value") });
            await page.Locator("[name='Input.Position']").FillAsync("监督员");
            await page.Locator("[name='Input.CertificateNumber']").FillAsync(number);
            await page.Locator("[name='Input.Issuer']").FillAsync("湖南省人民政府");
            await page.Locator("[name='Input.ValidFrom']").FillAsync(today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("[name='Input.ValidUntil']").FillAsync(today.AddYears(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("[name='Input.Domains']").FillAsync("卫生健康,公共场所卫生");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

            // Saved: the officer's own page, which names the officer.
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/officers/\d+"));
            await Expect(page.Locator("body")).ToContainTextAsync(name);

            var print = page.GetByRole(AriaRole.Link, new() { Name = "打印", Exact = true }).First;
            var printPage = page;
            if (await print.GetAttributeAsync("target") == "_blank")
                printPage = await page.Context.RunAndWaitForPageAsync(() => print.ClickAsync());
            else
                await print.ClickAsync();
            await printPage.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

            await Expect(printPage.GetByTestId("certificate-qr")).ToBeVisibleAsync();
            var url = (await printPage.GetByTestId("certificate-url").InnerTextAsync()).Trim();
            Assert.StartsWith(app.BaseUrl, url, StringComparison.Ordinal);

            // Anyone who scans the code: a visitor who never signed in.
            var visitor = await session.NewVisitorAsync();
            await visitor.GotoAsync(url);
            await Expect(visitor.GetByTestId("certificate-result")).ToContainTextAsync(name);
            await Expect(visitor.GetByTestId("certificate-status")).ToHaveTextAsync("有效");
        });
    }
}
