using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Browser.Tests.Infrastructure;
using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Decisions;
using Zhifa.Web.Tests.Documents;
using static Microsoft.Playwright.Assertions;

namespace Zhifa.Browser.Tests.Journeys;

/// <summary>
/// The rules closed lately, as the users meet them on the pages: no decision on an unsigned 笔录 (行政处罚法第五十五条), the
/// 分管领导's opinion on the 法制审核表, the 负责人's quorum of a collective discussion (第五十七条第二款), the 案件审核 by someone
/// other than the handler, the decision citing the article violated, the penalty basis and the remedies, and the higher
/// fine among several norms (第二十九条). Each journey starts its own case; the steps before the one it proves are set up
/// through the API, as the users would have done them.
/// </summary>
[Collection("browser")]
public sealed class RuleGapJourneyTests(BrowserApp app)
{
    private const string Violated = "《公共场所卫生管理条例》第八条";
    private const string Rules = "《公共场所卫生管理条例实施细则》第三十五条第一款";
    private const string Regulation = "《公共场所卫生管理条例》第十四条第一款第四项";
    private const string Ordinary = "未取得\u201c卫生许可证\u201d擅自营业的";
    private const string Issue = "签发决定书并作出决定";

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A minute ago in China, as a user types it into a date-time field.</summary>
    private static string Now() => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddMinutes(-1), China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A page of a new visitor, on a phone's screen when <paramref name="phone"/>.</summary>
    private static async Task<IPage> VisitorAsync(BrowserSession session, string userName, bool phone = false)
    {
        var page = await session.NewVisitorAsync();
        if (phone) await page.SetViewportSizeAsync(390, 844);
        await Journey.SignInAsync(page, userName);
        return page;
    }

    /// <summary>A general-procedure penalty of the health commission against one person, opened by `handler` and moved on.</summary>
    private async Task<(HttpClient Api, int CaseId)> OpenAsync(params string[] steps)
    {
        var api = await app.ApiAsync("handler");
        int caseId = (await api.OpenAsync(await app.App.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await DecisionTestData.MoveAsync(api, caseId, steps);
        return (api, caseId);
    }

    /// <summary>The notice of the saved proposal made and served, the case moved to 陈述申辩 and the party's written waiver.</summary>
    private static async Task NotifyAndWaiveAsync(HttpClient api, int caseId)
    {
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId);
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Statement);
        await DecisionTestData.WaiveAsync(api, caseId, noticeId);
    }

    private static ILocator IssueButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = Issue });

    /// <summary>The head signs on the decision page, opens the issued decision and downloads it; returns its text.</summary>
    private static async Task<string> IssueAndReadAsync(IPage head, int caseId)
    {
        await head.GotoAsync($"/cases/{caseId}/decision");
        await Expect(head.GetByTestId("issue-problems")).ToHaveCountAsync(0);
        await head.GetByTestId("issue-form").GetByLabel("地点").FillAsync("永兴县卫生健康局");
        await IssueButton(head).ClickAsync();
        await Expect(head.GetByTestId("decision-issued")).ToContainTextAsync("行政处罚决定书");
        await head.GetByTestId("decision-issued").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(head).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
        var download = await head.RunAndWaitForDownloadAsync(() => head.Locator("[data-testid='document'] a[href$='/file']").ClickAsync());
        return DocumentTestData.TextOf(await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    /// <summary>Fills the proposal page with a fine of 2000 yuan under the given 罚则 (citation, maximum) and saves it.</summary>
    private static async Task ProposeOnThePageAsync(IPage handler, int caseId, (string Citation, string Max)[] norms, string basis = "")
    {
        await handler.GotoAsync($"/cases/{caseId}/proposal");
        var form = handler.GetByTestId("proposal-form");
        await form.GetByLabel(Ordinary, new() { Exact = true }).CheckAsync();
        await handler.Locator("#Input_Outcome").SelectOptionAsync("Penalty");
        await handler.Locator("#Input_Tier").SelectOptionAsync("Ordinary");
        await form.GetByLabel("罚款", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("罚款（元）", new() { Exact = true }).FillAsync("2000");
        await form.GetByLabel("决定内容").FillAsync("罚款人民币贰仟元整。");
        await form.GetByLabel(new Regex("^违法条款")).FillAsync(Violated);
        for (int i = 1; i <= 2; i++)
        {
            var (citation, max) = i <= norms.Length ? norms[i - 1] : ("", "");
            await form.GetByLabel($"罚则 {i}", new() { Exact = true }).FillAsync(citation);
            await form.GetByLabel($"罚则 {i} 的最高罚款（元）", new() { Exact = true }).FillAsync(max);
        }
        await handler.Locator("#Input_PenaltyBasis").FillAsync(basis);
        await form.GetByLabel("证据采信理由").FillAsync("现场笔录与询问笔录相互印证。");
        await form.GetByLabel("依据选择理由").FillAsync("未取得卫生许可证擅自营业。");
        await form.GetByLabel("裁量理由").FillAsync("按裁量基准一般阶次。");
        await handler.GetByRole(AriaRole.Button, new() { Name = "保存拟作出的决定" }).ClickAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_head_cannot_issue_the_decision_while_an_inquiry_record_is_unsigned_and_can_once_the_party_s_signature_or_refusal_is_recorded(bool phone)
    {
        var (api, caseId) = await OpenAsync(CaseSteps.Investigation);
        var inquiry = await DocumentTestData.GenerateAsync(api, caseId, new
        {
            typeCode = "inquiry-record",
            fields = new Dictionary<string, string> { ["时间"] = "2026年3月2日 14时", ["被询问人"] = "刘某", ["问答"] = "问：是否取得卫生许可证？\n答：没有。" },
        });
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app.App, caseId);
        await NotifyAndWaiveAsync(api, caseId);

        await using var session = new BrowserSession(app, phone ? "unsigned-record-phone" : "unsigned-record");
        await session.RunAsync(async () =>
        {
            // The head sees the button disabled and, above it, which 笔录 is unsigned and why that holds the decision back.
            var head = await VisitorAsync(session, "head", phone);
            await head.GotoAsync($"/cases/{caseId}/decision");
            var problems = head.GetByTestId("issue-problems");
            await Expect(problems).ToContainTextAsync("笔录须由当事人签名，或者记明当事人拒绝签名");
            await Expect(problems).ToContainTextAsync("询问笔录");
            await Expect(problems).ToContainTextAsync("行政处罚法第五十五条");
            await Expect(IssueButton(head)).ToBeDisabledAsync();

            // The handler records on the 笔录's page that the party signed (on the phone) or refused before a witness.
            var handler = await VisitorAsync(session, "handler", phone);
            await handler.GotoAsync($"/documents/{inquiry.GetProperty("id").GetInt32()}");
            if (phone)
            {
                await handler.GetByLabel("当事人已签名").CheckAsync();
                await handler.Locator("#SignedBy").FillAsync("刘某");
            }
            else
            {
                await handler.GetByLabel("当事人拒绝签名").CheckAsync();
                await handler.Locator("#Reason").FillAsync("被询问人拒绝签名");
                await handler.Locator("#Witness").FillAsync("赵某（在场群众）");
            }
            await handler.Locator("#SignedAt").FillAsync(Now());
            await handler.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
            await Expect(handler.GetByTestId("signature")).ToContainTextAsync(phone ? "刘某" : "赵某（在场群众）");
            await Expect(handler.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true })).ToHaveCountAsync(0);

            // Nothing holds the decision back any more: the head issues it.
            await head.ReloadAsync();
            await Expect(head.GetByTestId("issue-problems")).ToHaveCountAsync(0);
            await Expect(IssueButton(head)).ToBeEnabledAsync();
            await head.GetByTestId("issue-form").GetByLabel("地点").FillAsync("永兴县卫生健康局");
            await IssueButton(head).ClickAsync();
            await Expect(head.GetByTestId("decision-issued")).ToContainTextAsync("行政处罚决定书");
            await Expect(head.GetByTestId("decision-step")).ToHaveTextAsync("决定");
        });
    }

    /// <summary>Review items all found conforming, as the reviewer's 同意 records them.</summary>
    private static object[] AllConform() => Enum.GetValues<ReviewItem>().Select(i => (object)new { item = i.ToString(), conforms = true, note = "" }).ToArray();

    /// <summary>
    /// A major case (责令停产停业) at 陈述申辩, the party's waiver given, submitted to legal review with a signed site record,
    /// and agreed by the reviewer; the 分管领导 has not yet signed.
    /// </summary>
    private async Task<int> AgreedMajorCaseAsync()
    {
        var (api, caseId) = await OpenAsync(CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app.App, caseId, kinds: "SuspendBusiness", fine: null);
        await NotifyAndWaiveAsync(api, caseId);
        int evidence = (await DocumentTestData.GenerateSignedAsync(api, caseId, DocumentTestData.SiteRecordInput)).GetProperty("id").GetInt32();
        var submitted = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/legal-review/submissions", new Dictionary<string, object?>
        {
            ["basicFacts"] = "当事人未取得公共场所卫生许可证擅自营业三个月。", ["lawApplied"] = "《公共场所卫生管理条例实施细则》第三十五条。",
            ["discretion"] = "违法时间较长。", ["investigation"] = "现场检查并制作现场笔录。", ["hearingAndAppraisal"] = "当事人书面放弃听证；未评估、鉴定。",
            ["procedureFollowed"] = "已立案、调查、事先告知。", ["evidenceDocumentIds"] = new[] { evidence }, ["unitOpinion"] = "建议责令停业整顿。",
            ["contactName"] = "张伟", ["contactPhone"] = "0735-5522110",
        });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        using var reviewer = await app.ApiAsync("reviewer");
        var agreed = await reviewer.PostAsJsonAsync($"/api/v1/cases/{caseId}/legal-review/opinions", new { outcome = "Agree", findings = AllConform(), reasons = "", suggestions = "" });
        Assert.True(agreed.IsSuccessStatusCode, await agreed.Content.ReadAsStringAsync());
        return caseId;
    }

    private const string LeaderMissing = "法制审核已同意，尚须分管领导在法制审核表上签署意见";
    private const string LeaderSetting = "^法制审核同意后须经分管领导在法制审核表上签署意见";

    [Fact]
    public async Task After_the_reviewer_agrees_a_major_case_waits_on_the_pages_for_the_deputy_s_opinion_the_agency_requires()
    {
        int caseId = await AgreedMajorCaseAsync();
        const string missing = LeaderMissing;
        int agencyId = await app.App.AgencyIdAsync();

        await using var session = new BrowserSession(app, "leader-opinion");
        await session.RunAsync(async () =>
        {
            // The agency's decision settings say its chain has the 分管领导 sign the 法制审核表.
            var handler = await VisitorAsync(session, "handler");
            await handler.GotoAsync($"/agencies/{agencyId}/decision-settings");
            await Expect(handler.GetByLabel(new Regex(LeaderSetting))).ToBeCheckedAsync();

            // The review page, the form, the discussion and the decision all say what is still missing.
            await handler.GotoAsync($"/cases/{caseId}/legal-review");
            await Expect(handler.GetByTestId("review-status-label")).ToContainTextAsync("待分管领导签署意见");
            await Expect(handler.GetByTestId("review-gate")).ToContainTextAsync(missing);
            // The form cannot be made yet: its button is disabled, with the reason beside it.
            await Expect(handler.GetByTestId("generate-form")).ToHaveCountAsync(0);
            await Expect(handler.GetByTestId("form-blocked").GetByRole(AriaRole.Button)).ToBeDisabledAsync();
            await Expect(handler.GetByTestId("form-blocked")).ToContainTextAsync(missing);
            await handler.GotoAsync($"/cases/{caseId}/decision");
            await Expect(handler.GetByTestId("discussion-section")).ToContainTextAsync(missing);
            var head = await VisitorAsync(session, "head");
            await head.GotoAsync($"/cases/{caseId}/decision");
            await Expect(head.GetByTestId("issue-problems")).ToContainTextAsync(missing);
            await Expect(IssueButton(head)).ToBeDisabledAsync();

            // The 分管领导 signs 同意 on the review page; the reason is gone (the collective discussion is what remains).
            var deputy = await VisitorAsync(session, "deputy");
            await deputy.GotoAsync($"/cases/{caseId}/legal-review");
            var leader = deputy.GetByTestId("leader-form");
            await leader.GetByLabel("同意", new() { Exact = true }).CheckAsync();
            await leader.GetByLabel("意见内容").FillAsync("同意法制审核意见，提交集体讨论。");
            await leader.GetByRole(AriaRole.Button, new() { Name = "签署意见" }).ClickAsync();
            await Expect(deputy.GetByTestId("review-leader")).ToContainTextAsync("分管领导意见：同意。同意法制审核意见，提交集体讨论。");
            await head.ReloadAsync();
            await Expect(head.GetByTestId("issue-problems")).Not.ToContainTextAsync("分管领导");
            await Expect(head.GetByTestId("issue-problems")).ToContainTextAsync("集体讨论");
            await handler.ReloadAsync();
            await Expect(handler.GetByTestId("discussion-section")).Not.ToContainTextAsync(missing);
        });
    }

    [Fact]
    public async Task Where_the_agency_s_chain_has_no_deputy_s_opinion_the_administrator_turns_it_off_and_the_agreed_review_suffices()
    {
        int caseId = await AgreedMajorCaseAsync();
        int agencyId = await app.App.AgencyIdAsync();
        await using var session = new BrowserSession(app, "leader-opinion-off");
        try
        {
            await session.RunAsync(async () =>
            {
                var admin = await VisitorAsync(session, "admin");
                await admin.GotoAsync($"/agencies/{agencyId}/decision-settings");
                await admin.GetByLabel(new Regex(LeaderSetting)).UncheckAsync();
                await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
                await Expect(admin.Locator("body")).ToContainTextAsync("设置已保存");
                await Expect(admin.GetByLabel(new Regex(LeaderSetting))).Not.ToBeCheckedAsync();

                var handler = await VisitorAsync(session, "handler");
                await handler.GotoAsync($"/cases/{caseId}/legal-review");
                await Expect(handler.GetByTestId("review-gate")).ToContainTextAsync("法制审核已同意（第1轮");
                var head = await VisitorAsync(session, "head");
                await head.GotoAsync($"/cases/{caseId}/decision");
                await Expect(head.GetByTestId("issue-problems")).ToContainTextAsync("集体讨论");
                await Expect(head.GetByTestId("issue-problems")).Not.ToContainTextAsync("分管领导");
            });
        }
        finally
        {
            // The demo's chain has the opinion; the journeys after this one rely on it.
            await app.App.WithDbAsync(async db =>
            {
                if (await db.Set<Zhifa.Domain.Decisions.DecisionSettings>().SingleOrDefaultAsync(x => x.AgencyId == agencyId) is { } settings)
                {
                    settings.LeaderOpinionRequired = true;
                    await db.SaveChangesAsync();
                }
            });
        }
    }

    [Fact]
    public async Task A_discussion_of_staff_without_the_head_or_below_the_quorum_of_leaders_is_refused_with_the_reasons_on_the_form()
    {
        var (_, caseId) = await OpenAsync(CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app.App, caseId);

        await using var session = new BrowserSession(app, "discussion-quorum");
        await session.RunAsync(async () =>
        {
            var handler = await VisitorAsync(session, "handler");
            async Task DiscussAsync(string? presider, params string[] who)
            {
                await handler.GotoAsync($"/cases/{caseId}/decision");
                var form = handler.GetByTestId("discussion-form");
                await form.GetByLabel("提请理由").FillAsync("案情复杂");
                await form.GetByLabel("讨论时间").FillAsync(Now());
                await form.GetByLabel("地点").FillAsync("局三楼会议室");
                if (presider is not null) await form.GetByLabel("主持人", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = presider });
                foreach (var name in who)
                {
                    await form.GetByRole(AriaRole.Checkbox, new() { Name = name }).CheckAsync();
                    await form.GetByLabel($"{name} 的意见").FillAsync("同意");
                }
                await form.GetByLabel("讨论结论").FillAsync("同意按拟作出的决定处理。");
                await form.GetByRole(AriaRole.Button, new() { Name = "记录集体讨论，生成集体讨论记录" }).ClickAsync();
            }
            var section = handler.GetByTestId("discussion-section");

            // The unit head and the legal reviewer alone: they only sit in, and nobody presides.
            await DiscussAsync(null, "王强", "赵敏");
            await Expect(section).ToContainTextAsync("集体讨论须由本机关负责人（主要负责人、分管负责人）至少 2 人出席（行政处罚法第五十七条第二款），现出席的负责人 0 人；列席人员 2 人不计入");
            await Expect(section).ToContainTextAsync("请选择集体讨论的主持人");
            await Expect(handler.GetByTestId("discussion")).ToHaveCountAsync(0);

            // The head presiding alone is below the quorum of the agency's two 负责人.
            await DiscussAsync("李建国（主要负责人）", "李建国");
            await Expect(section).ToContainTextAsync("至少 2 人出席（行政处罚法第五十七条第二款），现出席的负责人 1 人");
            await Expect(handler.GetByTestId("discussion")).ToHaveCountAsync(0);

            // The head and the deputy attend: the minutes are recorded.
            await DiscussAsync("李建国（主要负责人）", "李建国", "周涛", "赵敏");
            var minutes = handler.GetByTestId("discussion");
            await Expect(minutes).ToContainTextAsync("主持人：李建国（主要负责人）");
            await Expect(minutes).ToContainTextAsync("出席负责人 2 人（须至少 2 人");
            await Expect(minutes).ToContainTextAsync("列席 赵敏");
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_handler_cannot_make_the_case_review_move_of_his_own_case_and_the_unit_head_can(bool phone)
    {
        var (_, caseId) = await OpenAsync(CaseSteps.Investigation, CaseSteps.InternalReview);
        await using var session = new BrowserSession(app, phone ? "case-review-phone" : "case-review");
        await session.RunAsync(async () =>
        {
            var handler = await VisitorAsync(session, "handler", phone);
            await handler.GotoAsync($"/cases/{caseId}");
            await Expect(handler.GetByTestId("case-step")).ToHaveTextAsync("案件审核");
            var move = handler.GetByRole(AriaRole.Button, new() { Name = "转入“事先告知”" });
            await Expect(move).ToBeDisabledAsync();
            await Expect(handler.GetByTestId("next-steps")).ToContainTextAsync("承办人不能审核自己承办的案件");

            var unitHead = await VisitorAsync(session, "unithead", phone);
            await unitHead.GotoAsync($"/cases/{caseId}");
            var headMove = unitHead.GetByRole(AriaRole.Button, new() { Name = "转入“事先告知”" });
            await Expect(headMove).ToBeEnabledAsync();
            await Expect(unitHead.GetByTestId("next-steps")).Not.ToContainTextAsync("承办人不能审核自己承办的案件");
            await headMove.ClickAsync();
            await Expect(unitHead.GetByTestId("case-step")).ToHaveTextAsync("事先告知");
        });
    }

    [Fact]
    public async Task The_issued_decision_names_the_article_violated_and_the_penalty_basis_in_their_places_and_the_reconsideration_organ_and_court_of_the_agency()
    {
        var (api, caseId) = await OpenAsync(CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        int agencyId = await app.App.AgencyIdAsync();
        await using var session = new BrowserSession(app, "decision-provisions");
        await session.RunAsync(async () =>
        {
            var handler = await VisitorAsync(session, "handler");
            await ProposeOnThePageAsync(handler, caseId, [(Rules, "30000")]);
            await Expect(handler.GetByTestId("violated-provisions")).ToHaveTextAsync(Violated);
            await Expect(handler.GetByTestId("penalty-basis")).ToHaveTextAsync(Rules);
            await NotifyAndWaiveAsync(api, caseId);

            // The agency's remedies settings name the organ and the court the decision will tell the party of.
            var head = await VisitorAsync(session, "head");
            await head.GotoAsync($"/agencies/{agencyId}/remedies");
            await Expect(head.GetByTestId("reconsideration-organ")).ToHaveTextAsync("永兴县人民政府");
            await Expect(head.GetByTestId("competent-court")).ToHaveTextAsync("永兴县人民法院");

            var text = await IssueAndReadAsync(head, caseId);
            Assert.Contains($"以上事实违反了{Violated}的规定。", text);
            Assert.Contains($"依据{Rules}的规定，本机关决定：", text);
            Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
            Assert.Contains("六个月内依法向永兴县人民法院提起行政诉讼", text);
        });
    }

    [Fact]
    public async Task Of_two_norms_that_fine_the_act_the_proposal_refuses_the_lower_one_and_the_decision_says_the_higher_was_applied_under_article_29()
    {
        var (api, caseId) = await OpenAsync(CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        (string, string)[] norms = [(Regulation, "5000"), (Rules, "30000")];
        await using var session = new BrowserSession(app, "higher-fine");
        await session.RunAsync(async () =>
        {
            // Choosing the norm with the lower fine is refused, naming the one to apply.
            var handler = await VisitorAsync(session, "handler");
            await ProposeOnThePageAsync(handler, caseId, norms, basis: Regulation);
            await Expect(handler.GetByTestId("proposal-form")).ToContainTextAsync($"应适用{Rules}（最高罚款 30,000 元）");
            await Expect(handler.GetByTestId("proposal")).ToHaveCountAsync(0);

            // Left to the page, the higher fine's norm is applied and the proposal says why.
            await ProposeOnThePageAsync(handler, caseId, norms);
            await Expect(handler.GetByTestId("penalty-basis")).ToHaveTextAsync(Rules);
            var listed = handler.GetByTestId("penalty-norms");
            await Expect(listed).ToContainTextAsync("按照罚款数额高的规定处罚，本案适用");
            await Expect(listed).ToContainTextAsync("第二十九条");
            await NotifyAndWaiveAsync(api, caseId);

            var text = await IssueAndReadAsync(await VisitorAsync(session, "head"), caseId);
            Assert.Contains($"当事人的同一违法行为同时违反{Regulation}（最高罚款 5,000 元）、{Rules}（最高罚款 30,000 元），"
                + "依据《中华人民共和国行政处罚法》第二十九条，同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚，"
                + $"本案适用{Rules}。", text);
            Assert.Contains($"依据{Rules}的规定，本机关决定：", text);
        });
    }
}
