using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Documents;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Tests.Decisions;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class ExecutionJourneyTests(BrowserApp app)
{
    /// <summary>
    /// A general penalty with a fine of 800 yuan, decided yesterday through the API as the users would: investigated,
    /// proposed, notice served, the party's written waiver and the head's signature, which issues the 行政处罚决定书.
    /// </summary>
    private async Task<int> DecidedCaseAsync()
    {
        var factory = app.App;
        using var api = await app.ApiAsync("handler");
        var (matterId, officers) = await factory.WithDbAsync(async db => (
            await db.Matters.Where(m => m.Code == "330217001000").Select(m => m.Id).SingleAsync(),
            await db.Officers.Where(o => o.Name == "张伟" || o.Name == "李娜").Select(o => o.Id).ToListAsync()));
        var opened = await api.PostAsJsonAsync("/api/v1/cases", new Dictionary<string, object?>
        {
            ["category"] = "Penalty", ["procedure"] = "General", ["matterId"] = matterId, ["title"] = "未取得卫生许可证擅自营业",
            ["facts"] = "检查发现该场所未取得公共场所卫生许可证即营业。", ["place"] = "永兴县便江镇",
            ["actEndedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["parties"] = new[] { new Dictionary<string, object?> { ["kind"] = "LegalPerson", ["name"] = "永兴县便江镇清泉浴室", ["creditCode"] = IdentityCodes.CompleteCreditCode("92431023MA4T6U1W8"), ["legalRepresentative"] = "何某" } },
            ["officerIds"] = officers,
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        int caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        using (var scope = factory.Services.CreateScope())
        {
            var c = await scope.ServiceProvider.GetRequiredService<Zhifa.Data.AppDbContext>().Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
            // 800 yuan lies below the benchmark's 1000–3000, so the reason for leaving the range is given (DIS-2).
            await scope.ServiceProvider.GetRequiredService<ProposalService>().SaveAsync(c, new ProposalInput
            {
                Outcome = "Penalty", PenaltyKinds = ["Fine"], FineYuan = 800m, Content = "罚款 800 元",
                ViolatedProvisions = "《公共场所卫生管理条例》第八条", PenaltyBasis = "《公共场所卫生管理条例》第十四条",
                OutsideRangeReason = "当事人营业不足十日且已主动停业申请许可，依法减轻处罚",
                EvidenceReason = "笔录相互印证", BasisReason = "条款适用", DiscretionReason = "减轻处罚",
            });
        }
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId);
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Statement);
        await DecisionTestData.WaiveAsync(api, caseId, noticeId);
        using (var head = await app.ApiAsync("head"))
        {
            var issued = await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "永兴县卫生健康局" });
            Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        }
        await factory.WithDbAsync(async db =>
        {
            foreach (var h in await db.CaseSteps.Where(h => h.CaseId == caseId).ToListAsync()) h.At = h.At.AddDays(-1);
            foreach (var d in await db.Set<CaseDocument>().Where(d => d.CaseId == caseId).ToListAsync()) d.GeneratedAt = d.GeneratedAt.AddDays(-1);
            await db.SaveChangesAsync();
        });
        return caseId;
    }

    [Fact]
    public async Task A_handler_serves_the_decision_on_the_page_moves_the_case_to_served_and_records_the_payment()
    {
        int caseId = await DecidedCaseAsync();
        await using var session = new BrowserSession(app, "execution");
        await session.RunAsync(async () =>
        {
            var page = await session.NewVisitorAsync();
            await Journey.SignInAsync(page, "handler");
            await page.GotoAsync($"/cases/{caseId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "送达与执行" }).ClickAsync();
            await Expect(page.GetByTestId("service")).ToContainTextAsync("送达期限");

            var decision = page.Locator("#Service_DocumentId option", new() { HasTextString = "行政处罚决定书" });
            await page.Locator("#Service_DocumentId").SelectOptionAsync(new SelectOptionValue { Value = await decision.GetAttributeAsync("value") });
            await page.Locator("#Service_Method").SelectOptionAsync("Direct");
            await page.Locator("#Service_Recipient").FillAsync("何某");
            var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddMinutes(-1);
            await page.Locator("#Service_ServedAt").FillAsync(now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
            await page.Locator("#Service_Place").FillAsync("清泉浴室前台");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记送达并生成送达回证" }).ClickAsync();
            await Expect(page.GetByTestId("services")).ToContainTextAsync("直接送达");
            await Expect(page.GetByTestId("remedies")).ToContainTextAsync("申请行政复议");
            await Expect(page.GetByTestId("outstanding")).ToContainTextAsync("800.00 元");

            await page.GotoAsync($"/cases/{caseId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "转入“送达”" }).ClickAsync();
            await Expect(page.GetByTestId("case-step")).ToHaveTextAsync("送达");
            await Expect(page.Locator("body")).ToContainTextAsync("当事人可提起行政诉讼");

            await page.GotoAsync($"/cases/{caseId}/execution");
            await page.Locator("#Payment_AmountYuan").FillAsync("800.00");
            await page.Locator("#Payment_PaidOn").FillAsync(DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("#Payment_Reference").FillAsync("非税收入票据 0098765");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记缴款" }).ClickAsync();
            await Expect(page.GetByTestId("outstanding")).ToContainTextAsync("已缴清");
        });
    }
}
