using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class PreDisclosureJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_stale_list_is_regenerated_approved_along_the_chain_and_the_public_sees_the_new_version_and_the_old_one()
    {
        await using var session = new BrowserSession(app, "pre-disclosure");
        await session.RunAsync(async () =>
        {
            var publicity = await session.NewVisitorAsync();
            await Journey.SignInAsync(publicity, "publicity");
            await publicity.GotoAsync("/publicity/lists");
            var row = publicity.Locator("tr[data-list='powers']");
            await Expect(row.GetByTestId("stale")).ToBeVisibleAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "生成新版本" }).ClickAsync();

            await Expect(publicity.GetByTestId("version-status")).ToHaveTextAsync("待拟稿");
            await Expect(publicity.Locator("[data-testid='changes'] tr[data-change='Added']").First).ToContainTextAsync("330217004000");
            await publicity.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await Expect(publicity.GetByTestId("waiting")).ToContainTextAsync("合法性审核");
            var listUrl = publicity.Url;

            foreach (var user in new[] { "reviewer", "deputy", "head" })
            {
                var approver = await session.NewVisitorAsync();
                await Journey.SignInAsync(approver, user);
                await approver.GotoAsync(listUrl);
                await approver.GetByRole(AriaRole.Button, new() { Name = "同意" }).ClickAsync();
                await approver.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            }

            var visitor = await session.NewVisitorAsync();
            await visitor.GotoAsync("/gs/agencies");
            await visitor.GetByRole(AriaRole.Link, new() { Name = "永兴县卫生健康局" }).ClickAsync();
            await visitor.GetByRole(AriaRole.Link, new() { Name = "执法职责权限" }).ClickAsync();
            await Expect(visitor.GetByTestId("version-line")).ToContainTextAsync("第 2 版");
            await Expect(visitor.Locator("body")).ToContainTextAsync("330217004000");
            await visitor.GetByTestId("history").GetByRole(AriaRole.Link, new() { Name = "第 1 版" }).ClickAsync();
            await Expect(visitor.GetByTestId("superseded")).ToHaveTextAsync("已被新版本替代");

            // The procedure's flowcharts are pictures that load.
            await visitor.GotoAsync(visitor.Url.Split("/lists/")[0] + "/lists/procedure");
            var chart = visitor.GetByTestId("flowchart").First;
            await Expect(chart).ToBeVisibleAsync();
            Assert.True(await chart.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        });
    }
}
