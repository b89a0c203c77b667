using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

[Collection("browser")]
public sealed class LegalReviewJourneyTests(BrowserApp app)
{
    /// <summary>A general-procedure penalty at 陈述申辩 with a site record and a proposal to revoke the licence, set up through the API.</summary>
    private async Task<int> MajorCaseAsync()
    {
        // The application listens on a real port here, so the API client calls that address.
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.App.CreateTokenAsync("handler"));
        var officers = await app.App.WithDbAsync(db => db.Officers.Where(o => o.Name == "张伟" || o.Name == "李娜").Select(o => o.Id).ToListAsync());
        var matter = await app.App.WithDbAsync(db => db.Matters.Where(m => m.Code == "330217001000").Select(m => m.Id).SingleAsync());
        var opened = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            category = "Penalty", procedure = "General", matterId = matter, title = "未取得卫生许可证擅自营业", facts = "检查发现该宾馆未取得卫生许可证即营业。",
            place = "永兴县便江镇", actEndedOn = DateOnly.FromDateTime(DateTime.Today.AddDays(-10)),
            parties = new[] { new { kind = "LegalPerson", name = "永兴县便江镇悦来宾馆有限公司", creditCode = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4PQ8R3X"), legalRepresentative = "周某" } },
            officerIds = officers,
        });
        int caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        foreach (var step in new[] { CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice, CaseSteps.Statement })
            (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = step })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", new
        {
            typeCode = "site-record", fields = new Dictionary<string, string> { ["时间"] = "2026年11月22日 10时00分", ["内容"] = "前台未悬挂卫生许可证。" },
        })).EnsureSuccessStatusCode();
        await app.App.WithDbAsync(async db =>
        {
            db.Set<DecisionProposal>().Add(new DecisionProposal
            {
                CaseId = caseId, AgencyId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.AgencyId).SingleAsync(),
                Outcome = DecisionOutcome.Penalty, PenaltyKinds = "Fine,RevokeLicence", FineYuan = 20000m, Content = "吊销公共场所卫生许可证，并处罚款二万元。",
                LegalBasis = "《公共场所卫生管理条例实施细则》第三十五条", Tier = DiscretionTier.Heavier, UpdatedAt = DateTime.UtcNow, UpdatedBy = "handler",
            });
            await db.SaveChangesAsync();
        });
        return caseId;
    }

    [Fact]
    public async Task A_major_case_is_refused_incomplete_submitted_reviewed_not_yet_amended_agreed_and_its_review_form_opens()
    {
        int caseId = await MajorCaseAsync();
        var review = $"/cases/{caseId}/legal-review";
        await using var session = new BrowserSession(app, "legal-review");
        await session.RunAsync(async () =>
        {
            var handler = await session.NewVisitorAsync();
            await Journey.SignInAsync(handler, "handler");
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-legal-review")).ToContainTextAsync("未送审");
            await handler.GetByTestId("case-legal-review").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(handler.GetByTestId("review-reasons")).ToContainTextAsync("吊销许可证件");

            // Submitted incomplete: refused, naming what is missing.
            await handler.Locator("[name='Submission.BasicFacts']").FillAsync("该宾馆未取得公共场所卫生许可证营业三个月。");
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByRole(AriaRole.Alert)).ToContainTextAsync("缺少相关证据、依据材料");
            await Expect(handler.GetByRole(AriaRole.Alert)).ToContainTextAsync("缺少承办股室（单位）意见");

            // Completed and submitted.
            foreach (var (name, value) in new[]
                     {
                         ("LawApplied", "《公共场所卫生管理条例实施细则》第三十五条"), ("Discretion", "拒不改正，从重。"), ("Investigation", "现场检查，制作现场笔录。"),
                         ("HearingAndAppraisal", "当事人未申请听证；未鉴定。"), ("ProcedureFollowed", "已立案、调查、告知。"), ("UnitOpinion", "同意送审。"),
                         ("ContactName", "张伟"), ("ContactPhone", "0735-5522110"),
                     })
                await handler.Locator($"[name='Submission.{name}']").FillAsync(value);
            await handler.GetByLabel(new Regex("^现场笔录")).CheckAsync();
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByTestId("review-status-label")).ToHaveTextAsync("第1轮审核中");
            await Expect(handler.GetByTestId("review-due")).ToContainTextAsync("审核期限");

            // The reviewer finds it on the desk and answers 暂不同意.
            var reviewer = await session.NewVisitorAsync();
            await Journey.SignInAsync(reviewer, "reviewer");
            await reviewer.GotoAsync("/legal-review");
            await reviewer.Locator($"[data-testid='desk-pending'] a[href='{review}']").ClickAsync();
            await Expect(reviewer).ToHaveURLAsync(new Regex(Regex.Escape(review) + "$"));
            await reviewer.GetByLabel("执法程序是否合法", new() { Exact = true }).SelectOptionAsync("false");
            await reviewer.GetByLabel("执法程序是否合法的说明").FillAsync("未告知当事人听证权利");
            await reviewer.GetByLabel("暂不同意", new() { Exact = true }).CheckAsync();
            await reviewer.GetByLabel("暂不同意：需要补正执法程序").CheckAsync();
            await reviewer.Locator("[name='Opinion.Reasons']").FillAsync("吊销许可证应告知听证权利，须补正。");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "出具意见" }).ClickAsync();
            await Expect(reviewer.GetByTestId("review-status-label")).ToHaveTextAsync("第1轮审核暂不同意");

            // The handler amends and resubmits: the form keeps the last submission, the reply is new.
            await handler.GotoAsync(review);
            await Expect(handler.GetByTestId("review-gate")).ToContainTextAsync("暂不同意");
            await handler.Locator("[name='Submission.Reply']").FillAsync("已补充告知听证权利并送达。");
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByTestId("review-status-label")).ToHaveTextAsync("第2轮审核中");

            await reviewer.GotoAsync(review);
            await reviewer.GetByLabel("同意", new() { Exact = true }).CheckAsync();
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "出具意见" }).ClickAsync();
            await Expect(reviewer.GetByTestId("review-status-label")).ToHaveTextAsync("第2轮审核同意");

            // The case page says so, and the review form downloads and opens.
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-legal-review")).ToContainTextAsync("法制审核已同意");
            await handler.GotoAsync(review);
            await handler.GetByTestId("generate-form").ClickAsync();
            await Expect(handler).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
            var download = await handler.RunAndWaitForDownloadAsync(() => handler.Locator("[data-testid='document'] a[href$='/file']").ClickAsync());
            var path = await download.PathAsync();
            using var doc = WordprocessingDocument.Open(path, false);
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("拟作出执法决定名称：对永兴县便江镇悦来宾馆有限公司未取得卫生许可证擅自营业拟作出的行政处罚决定", text);
            Assert.Contains("已补充告知听证权利并送达。", text);
            Assert.Contains("吊销许可证应告知听证权利，须补正。", text);
        });
    }
}
