using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Decisions;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

/// <summary>
/// Issue 4's journey of a major decision (LR-1 … LR-8, LAW-4, LAW-5): from the proposal to the served decision, on
/// the pages, by the handler, the legal reviewer, the staff who discuss it and the head who signs it.
/// </summary>
[Collection("browser")]
public sealed class LegalReviewJourneyTests(BrowserApp app)
{
    private const string Party = "永兴县仁和门诊部有限公司";
    private const string Title = "使用非卫生技术人员从事医疗卫生技术工作";
    private const string OutsideRange = "使用非卫生技术人员致患者延误治疗，社会影响恶劣，拟超出裁量基准从重处罚";

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The China time of now to the minute, as a user types it into a date-time field.</summary>
    private static string Now() => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A general-procedure penalty of a clinic opened and investigated through the API (the handler and two medical officers, a 现场笔录
    /// as evidence); everything after the investigation happens on the pages.
    /// </summary>
    private async Task<int> InvestigatedCaseAsync()
    {
        using var api = await app.ApiAsync("handler");
        // The handler who carries the case on the pages (张伟) is one of its officers: only a handler of the case submits it for review.
        var officers = await app.App.WithDbAsync(db => db.Officers.Where(o => o.Name == "张伟" || o.Name == "刘洋" || o.Name == "杨帆").Select(o => o.Id).ToListAsync());
        var matter = await app.App.WithDbAsync(db => db.Matters.Where(m => m.Code == "330217003000").Select(m => m.Id).SingleAsync());
        var opened = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            category = "Penalty", procedure = "General", matterId = matter, title = Title,
            facts = "检查发现该门诊部安排未取得执业资格的人员为患者输液。", place = "永兴县便江镇",
            actEndedOn = DateOnly.FromDateTime(DateTime.Today.AddDays(-10)),
            parties = new[] { new { kind = "LegalPerson", name = Party, creditCode = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4RH7K2Y"), legalRepresentative = "陈某" } },
            officerIds = officers,
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        int caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Investigation);
        var record = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", new
        {
            typeCode = "site-record", fields = new Dictionary<string, string> { ["时间"] = "2026年11月22日 10时00分", ["内容"] = "输液室内为患者输液的人员不能出示执业证书。" },
        });
        Assert.True(record.IsSuccessStatusCode, await record.Content.ReadAsStringAsync());
        // The party signs the 笔录 on the spot (REC-3); an unsigned one would hold the review and the decision back.
        var signed = await api.PostAsJsonAsync($"/api/v1/documents/{(await record.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}/signature",
            new { refused = false, signedBy = "陈某", signedAt = DateTime.UtcNow.AddMinutes(-5) });
        Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
        return caseId;
    }

    private static async Task MoveAsync(IPage page, int caseId, string step)
    {
        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"转入“{step}”" }).ClickAsync();
        await Expect(page.GetByTestId("case-step")).ToHaveTextAsync(step);
    }

    [Fact]
    public async Task A_major_case_is_proposed_notified_refused_incomplete_reviewed_not_yet_amended_agreed_discussed_decided_and_served()
    {
        int caseId = await InvestigatedCaseAsync();
        string proposal = $"/cases/{caseId}/proposal", decision = $"/cases/{caseId}/decision", review = $"/cases/{caseId}/legal-review";
        await using var session = new BrowserSession(app, "legal-review");
        await session.RunAsync(async () =>
        {
            var handler = await session.NewVisitorAsync();
            await Journey.SignInAsync(handler, "handler");

            // The proposal: the circumstance found leads to the benchmark's heaviest grade; revoking the licence with a
            // fine above its range is refused until the reason for leaving the range is given (DIS-2).
            await MoveAsync(handler, caseId, "案件审核");
            await handler.GetByRole(AriaRole.Link, new() { Name = "拟作出的决定" }).ClickAsync();
            await Expect(handler).ToHaveURLAsync(new Regex(Regex.Escape(proposal) + "$"));
            await handler.GetByLabel("在规定期限内仍不改正的", new() { Exact = true }).CheckAsync();
            await handler.GetByRole(AriaRole.Button, new() { Name = "按所选情节推荐" }).ClickAsync();
            await Expect(handler.GetByTestId("recommended-tier")).ToHaveTextAsync("从重处罚");
            await Expect(handler.GetByTestId("recommended-range")).ToHaveTextAsync("50000–100000 元");
            await handler.GetByLabel("吊销许可证件", new() { Exact = true }).CheckAsync();
            await handler.GetByLabel("罚款", new() { Exact = true }).CheckAsync();
            await handler.GetByLabel("罚款（元）", new() { Exact = true }).FillAsync("120000");
            await handler.GetByLabel("决定内容").FillAsync("吊销《医疗机构执业许可证》，并处罚款十二万元。");
            await handler.GetByLabel(new Regex("^违法条款")).FillAsync("《医疗机构管理条例》第二十八条");
            await handler.GetByLabel("罚则 1", new() { Exact = true }).FillAsync("《医疗机构管理条例》第四十八条");
            await handler.GetByLabel("罚则 2", new() { Exact = true }).FillAsync("");
            await handler.GetByLabel("证据采信理由").FillAsync("现场笔录、询问笔录与排班表相互印证。");
            await handler.GetByLabel("依据选择理由").FillAsync("使用非卫生技术人员从事医疗卫生技术工作，适用第四十八条。");
            await handler.GetByLabel("裁量理由").FillAsync("责令限期改正后仍不改正，情节严重。");
            await handler.GetByRole(AriaRole.Button, new() { Name = "保存拟作出的决定" }).ClickAsync();
            await Expect(handler.GetByTestId("proposal-form")).ToContainTextAsync("须填写超出裁量基准的理由");
            await handler.GetByLabel(new Regex("^超出裁量基准的理由")).FillAsync(OutsideRange);
            await handler.GetByRole(AriaRole.Button, new() { Name = "保存拟作出的决定" }).ClickAsync();
            await Expect(handler.GetByTestId("proposal")).ToContainTextAsync("吊销许可证件");
            await Expect(handler.GetByTestId("deviations")).ToContainTextAsync("高于推荐幅度");
            await Expect(handler.GetByTestId("outside-range-reason")).ToHaveTextAsync(OutsideRange);

            // The 事先告知书 is made from the proposal, tells the hearing right and is served; then the case moves on.
            // 案件审核 is the unit head's: the handler sees why he may not, then the unit head moves the case on.
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByRole(AriaRole.Button, new() { Name = "转入“事先告知”" })).ToBeDisabledAsync();
            await Expect(handler.GetByTestId("next-steps")).ToContainTextAsync("案件审核须由股室负责人或主要负责人进行");
            var unitHead = await session.NewVisitorAsync();
            await Journey.SignInAsync(unitHead, "unithead");
            await MoveAsync(unitHead, caseId, "事先告知");
            await handler.GotoAsync($"/cases/{caseId}");
            await handler.GetByTestId("decision-link").ClickAsync();
            await handler.GetByRole(AriaRole.Button, new() { Name = "依拟作出的决定制作事先告知书" }).ClickAsync();
            var notice = handler.GetByTestId("notice");
            await Expect(notice).ToContainTextAsync("行政处罚事先告知书");
            await Expect(notice).ToContainTextAsync("听证权利：有");
            await Expect(notice).ToContainTextAsync("未送达");
            await notice.GetByLabel("送达时间").FillAsync(Now());
            await notice.GetByLabel("送达方式").SelectOptionAsync("直接送达");
            await notice.GetByRole(AriaRole.Button, new() { Name = "登记送达" }).ClickAsync();
            await Expect(notice).ToContainTextAsync("陈述申辩期限至");
            await MoveAsync(handler, caseId, "陈述申辩/听证");

            // The party waives in writing; the decision still waits for the legal review.
            await handler.GotoAsync(decision);
            await notice.GetByLabel("书面放弃日期").FillAsync(Now());
            await notice.GetByLabel("书面放弃的情况").FillAsync("当事人递交书面声明，放弃陈述、申辩和听证的权利");
            await notice.GetByRole(AriaRole.Button, new() { Name = "登记书面放弃" }).ClickAsync();
            await Expect(notice).ToContainTextAsync("书面放弃：当事人递交书面声明");
            await Expect(handler.GetByTestId("issue-problems")).ToContainTextAsync("法制审核");
            await Expect(handler.GetByTestId("discussion-section")).ToContainTextAsync("法制审核同意后方可集体讨论");

            // Submitted incomplete: refused, naming what is missing.
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-legal-review")).ToContainTextAsync("未送审");
            await handler.GetByTestId("case-legal-review").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(handler.GetByTestId("review-reasons")).ToContainTextAsync("吊销许可证件");
            await handler.Locator("[name='Submission.BasicFacts']").FillAsync("该门诊部安排未取得执业资格的人员为患者输液，经责令改正后仍不改正。");
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByRole(AriaRole.Alert)).ToContainTextAsync("缺少相关证据、依据材料");
            await Expect(handler.GetByRole(AriaRole.Alert)).ToContainTextAsync("缺少承办股室（单位）意见");
            await Expect(handler.GetByTestId("review-status-label")).ToHaveTextAsync("未送审");

            // Completed and submitted: the first round runs with its time limit.
            foreach (var (name, value) in new[]
                     {
                         ("LawApplied", "《医疗机构管理条例》第四十八条"), ("Discretion", "责令改正后仍不改正，从重，超出基准的理由见拟作出的决定。"),
                         ("Investigation", "现场检查，制作现场笔录。"), ("HearingAndAppraisal", "已告知听证权利，当事人书面放弃；未鉴定。"),
                         ("ProcedureFollowed", "已立案、调查、告知并送达。"), ("UnitOpinion", "同意送审。"), ("ContactName", "张伟"), ("ContactPhone", "0735-5522110"),
                     })
                await handler.Locator($"[name='Submission.{name}']").FillAsync(value);
            await handler.GetByLabel(new Regex("^现场笔录")).CheckAsync();
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByTestId("review-status-label")).ToHaveTextAsync("第1轮审核中");
            await Expect(handler.GetByTestId("review-due")).ToContainTextAsync("审核期限");

            // The reviewer finds it on the desk, sees why the fine leaves the range, and answers 暂不同意.
            var reviewer = await session.NewVisitorAsync();
            await Journey.SignInAsync(reviewer, "reviewer");
            await reviewer.GotoAsync("/legal-review");
            await reviewer.Locator($"[data-testid='desk-pending'] a[href='{review}']").ClickAsync();
            await Expect(reviewer).ToHaveURLAsync(new Regex(Regex.Escape(review) + "$"));
            await Expect(reviewer.GetByTestId("review-outside-range")).ToHaveTextAsync(OutsideRange);
            await reviewer.GetByLabel("适用法律依据是否正确，裁量基准运用是否适当", new() { Exact = true }).SelectOptionAsync("false");
            await reviewer.GetByLabel("适用法律依据是否正确，裁量基准运用是否适当的说明").FillAsync("罚款超过第四十八条规定的十万元上限");
            await reviewer.GetByLabel("暂不同意", new() { Exact = true }).CheckAsync();
            await reviewer.GetByLabel("暂不同意：行政裁量不合理").CheckAsync();
            await reviewer.Locator("[name='Opinion.Reasons']").FillAsync("罚款十二万元超过法定上限，须在法定幅度内确定。");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "出具意见" }).ClickAsync();
            await Expect(reviewer.GetByTestId("review-status-label")).ToHaveTextAsync("第1轮审核暂不同意");

            // The handler amends the proposal (lighter than the notice, so no new notice) and resubmits with a reply.
            await handler.GotoAsync(review);
            await Expect(handler.GetByTestId("review-gate")).ToContainTextAsync("暂不同意");
            await handler.GotoAsync(proposal);
            await handler.GetByLabel("罚款（元）", new() { Exact = true }).FillAsync("80000");
            await handler.GetByLabel("决定内容").FillAsync("吊销《医疗机构执业许可证》，并处罚款八万元。");
            await handler.GetByLabel(new Regex("^超出裁量基准的理由")).FillAsync("");
            await handler.GetByRole(AriaRole.Button, new() { Name = "保存拟作出的决定" }).ClickAsync();
            await Expect(handler.GetByTestId("proposal")).ToContainTextAsync("80000 元");
            await Expect(handler.GetByTestId("deviations")).ToHaveCountAsync(0);
            await handler.GotoAsync(review);
            await Expect(handler.GetByTestId("review-proposal-changed")).ToBeVisibleAsync();
            await handler.Locator("[name='Submission.Reply']").FillAsync("已将罚款调整为八万元，在裁量基准幅度内。");
            await handler.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Expect(handler.GetByTestId("review-status-label")).ToHaveTextAsync("第2轮审核中");

            await reviewer.GotoAsync(review);
            await Expect(reviewer.GetByTestId("review-outside-range")).ToHaveTextAsync("—");
            await reviewer.GetByLabel("同意", new() { Exact = true }).CheckAsync();
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "出具意见" }).ClickAsync();
            await Expect(reviewer.GetByTestId("review-status-label")).ToHaveTextAsync("第2轮审核同意，待分管领导签署意见");

            // The 分管领导 signs 同意 on the 法制审核表 (LR-8); only then is the review passed.
            var deputy = await session.NewVisitorAsync();
            await Journey.SignInAsync(deputy, "deputy");
            await deputy.GotoAsync(review);
            var leader = deputy.GetByTestId("leader-form");
            await leader.GetByLabel("同意", new() { Exact = true }).CheckAsync();
            await leader.GetByLabel("意见内容").FillAsync("同意法制审核意见，提交集体讨论。");
            await leader.GetByRole(AriaRole.Button, new() { Name = "签署意见" }).ClickAsync();
            await Expect(deputy.GetByTestId("review-leader")).ToContainTextAsync("分管领导意见：同意。同意法制审核意见，提交集体讨论。");
            await Expect(deputy.GetByTestId("review-status-label")).ToHaveTextAsync("第2轮审核同意");

            // The case page says so, and the 法制审核表 downloads and opens with both rounds in it.
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-legal-review")).ToContainTextAsync("法制审核已同意");
            await handler.GotoAsync(review);
            await handler.GetByTestId("generate-form").ClickAsync();
            await Expect(handler).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
            var download = await handler.RunAndWaitForDownloadAsync(() => handler.Locator("[data-testid='document'] a[href$='/file']").ClickAsync());
            using (var form = WordprocessingDocument.Open(await download.PathAsync(), false))
            {
                var text = form.MainDocumentPart!.Document!.Body!.InnerText;
                Assert.Contains($"拟作出执法决定名称：对{Party}{Title}拟作出的行政处罚决定", text);
                Assert.Contains("罚款十二万元超过法定上限，须在法定幅度内确定。", text);
                Assert.Contains("已将罚款调整为八万元，在裁量基准幅度内。", text);
                Assert.Contains("分管领导意见：同意。同意法制审核意见，提交集体讨论。", text);
                Assert.Contains("签字：周涛", text);
            }

            // The collective discussion (art. 57 (2)): presided by the head, the head and the deputy attend with their
            // opinions; the unit head and the reviewer sit in (列席) and do not count.
            await handler.GotoAsync(decision);
            var discussion = handler.GetByTestId("discussion-form");
            await discussion.GetByLabel("提请理由").FillAsync("重大执法决定");
            await discussion.GetByLabel("主持人", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "李建国（主要负责人）" });
            await discussion.GetByLabel("讨论时间").FillAsync(Now());
            await discussion.GetByLabel("地点").FillAsync("局三楼会议室");
            foreach (var (name, opinion) in new[] { ("李建国", "同意吊销并处罚款八万元"), ("周涛", "同意"), ("王强", "同意，督促当事人整改"), ("赵敏", "法制审核已同意，程序合法") })
            {
                await discussion.GetByRole(AriaRole.Checkbox, new() { Name = name }).CheckAsync();
                await discussion.GetByLabel($"{name} 的意见").FillAsync(opinion);
            }
            await discussion.GetByLabel("讨论结论").FillAsync("同意吊销《医疗机构执业许可证》，并处罚款八万元。");
            await discussion.GetByRole(AriaRole.Button, new() { Name = "记录集体讨论，生成集体讨论记录" }).ClickAsync();
            var minutes = handler.GetByTestId("discussion");
            await Expect(minutes).ToContainTextAsync("集体讨论记录");
            await Expect(minutes).ToContainTextAsync("李建国（主要负责人）：同意吊销并处罚款八万元");
            await Expect(minutes).ToContainTextAsync("主持人：李建国（主要负责人）");
            await Expect(minutes).ToContainTextAsync("列席 赵敏（法制审核人员）");
            await Expect(minutes).ToContainTextAsync("结论：同意吊销《医疗机构执业许可证》，并处罚款八万元。");

            // The head signs: the 行政处罚决定书 is issued and the case is decided in the same act.
            var head = await session.NewVisitorAsync();
            await Journey.SignInAsync(head, "head");
            await head.GotoAsync(decision);
            await Expect(head.GetByTestId("issue-problems")).ToHaveCountAsync(0);
            await head.GetByTestId("issue-form").GetByLabel("地点").FillAsync("永兴县卫生健康局");
            await head.GetByRole(AriaRole.Button, new() { Name = "签发决定书并作出决定" }).ClickAsync();
            await Expect(head.GetByTestId("decision-issued")).ToContainTextAsync("行政处罚决定书");
            await Expect(head.GetByTestId("decision-issued")).ToContainTextAsync("吊销许可证件");
            await Expect(head.GetByTestId("decision-step")).ToHaveTextAsync("决定");
            await head.GotoAsync($"/cases/{caseId}/documents");
            await Expect(head.Locator("body")).ToContainTextAsync("行政处罚决定书");

            // The handler serves the decision on the execution page and the case moves to 送达.
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-step")).ToHaveTextAsync("决定");
            await handler.GetByRole(AriaRole.Link, new() { Name = "送达与执行" }).ClickAsync();
            var decisionDocument = handler.Locator("#Service_DocumentId option", new() { HasTextString = "行政处罚决定书" });
            await handler.Locator("#Service_DocumentId").SelectOptionAsync(new SelectOptionValue { Value = await decisionDocument.GetAttributeAsync("value") });
            await handler.Locator("#Service_Method").SelectOptionAsync("Direct");
            await handler.Locator("#Service_Recipient").FillAsync("陈某");
            await handler.Locator("#Service_ServedAt").FillAsync(Now());
            await handler.Locator("#Service_Place").FillAsync("仁和门诊部");
            await handler.GetByRole(AriaRole.Button, new() { Name = "登记送达并生成送达回证" }).ClickAsync();
            await Expect(handler.GetByTestId("services")).ToContainTextAsync("直接送达");
            await Expect(handler.GetByTestId("outstanding")).ToContainTextAsync("80,000.00 元");
            await MoveAsync(handler, caseId, "送达");
        });
    }
}
