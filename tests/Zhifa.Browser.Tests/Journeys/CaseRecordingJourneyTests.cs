using System.Globalization;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class CaseRecordingJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_handler_opens_a_case_uploads_a_video_with_progress_moves_it_generates_a_site_record_and_exports_a_verifiable_case_file()
    {
        await using var session = new BrowserSession(app, "case-recording");
        await session.RunAsync(async () =>
        {
            var page = await session.NewVisitorAsync();
            await Journey.SignInAsync(page, "handler");
            var today = DateOnly.FromDateTime(DateTime.Today);

            // Open a general-procedure penalty case with two certified officers.
            await page.GotoAsync("/cases/new");
            await page.Locator("[name='Input.Category']").SelectOptionAsync("Penalty");
            await page.Locator("[name='Input.Procedure']").SelectOptionAsync("General");
            var matter = page.Locator("select[name='Input.MatterId'] option", new() { HasTextString = "330217001000" });
            await page.Locator("[name='Input.MatterId']").SelectOptionAsync(new SelectOptionValue { Value = await matter.GetAttributeAsync("value") });
            await page.Locator("[name='Input.Title']").FillAsync("未取得卫生许可证擅自营业");
            await page.Locator("[name='Input.ActEndedOn']").FillAsync(today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("[name='Input.Parties[0].Kind']").SelectOptionAsync("LegalPerson");
            await page.Locator("[name='Input.Parties[0].Name']").FillAsync("永兴县便江镇悦来宾馆有限公司");
            await page.Locator("[name='Input.Parties[0].CreditCode']").FillAsync(Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4PQ8R2X"));
            await page.Locator("[name='Input.Parties[0].LegalRepresentative']").FillAsync("周某");
            await page.GetByLabel("张伟").CheckAsync();
            await page.GetByLabel("李娜").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/cases/\d+$"));
            var caseUrl = new Uri(page.Url).AbsolutePath;
            var number = (await page.GetByTestId("case-number").InnerTextAsync()).Trim();
            Assert.StartsWith("永卫罚〔", number, StringComparison.Ordinal);

            // Move it into investigation through the state machine.
            await page.GetByRole(AriaRole.Button, new() { Name = "转入“调查取证”" }).ClickAsync();
            await Expect(page.GetByTestId("case-step")).ToHaveTextAsync("调查取证");

            // Upload a body-camera video in chunks; the progress bar shows 100% before the record is registered.
            await page.GotoAsync(caseUrl + "/records/new");
            await page.Locator("[name='Input.Kind']").SelectOptionAsync("Video");
            await page.Locator("[name='Input.Step']").FillAsync("investigation");
            await page.Locator("[name='Input.StartedAt']").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00");
            await page.Locator("[name='Input.EndedAt']").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:30");
            await page.Locator("[name='Input.Place']").FillAsync("悦来宾馆前台");
            await page.Locator("[name='Input.Proves']").FillAsync("未悬挂卫生许可证");
            await page.Locator("[name='Input.DeviceNumber']").FillAsync("DSJ-001");
            var video = new byte[20 * 1024 * 1024];
            new Random(7).NextBytes(video);
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "执法记录仪.mp4", MimeType = "video/mp4", Buffer = video });
            string? percentAtCompletion = null;
            await page.RouteAsync("**/complete", async route =>
            {
                percentAtCompletion = await page.Locator("[data-upload-percent]").InnerTextAsync();
                Assert.True(await page.GetByTestId("upload-progress").IsVisibleAsync());
                await route.ContinueAsync();
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "上传并登记" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/cases/\d+/records$"), new() { Timeout = 60_000 });
            Assert.Equal("100%", percentAtCompletion);
            await Expect(page.Locator("body")).ToContainTextAsync("执法记录仪.mp4");

            // Generate a 现场笔录 from the case.
            await page.GotoAsync(caseUrl + "/documents?type=site-record");
            await page.Locator("#field-时间").FillAsync("2026年11月22日 10时00分至10时30分");
            await page.Locator("#field-内容").FillAsync("经查，该宾馆未取得公共场所卫生许可证即对外营业。");
            await page.GetByRole(AriaRole.Button, new() { Name = "生成文书" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+$"));

            // Export the case file and verify the package offline.
            await page.GotoAsync(caseUrl + "/case-file");
            await Expect(page.GetByTestId("catalogue")).ToContainTextAsync("现场笔录");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-case-file").ClickAsync());
            var path = Path.Combine(Path.GetTempPath(), $"zhifa-case-file-{Guid.NewGuid():N}.zip");
            await download.SaveAsAsync(path);
            try
            {
                var result = await CliRunner.RunAsync(app.App, "verify-package", path);
                Assert.True(result.ExitCode == 0, result.StdErr);
                Assert.Contains("案卷包校验通过", result.StdOut);
            }
            finally
            {
                File.Delete(path);
            }
        });
    }
}
