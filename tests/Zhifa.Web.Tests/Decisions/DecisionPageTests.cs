using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>The decision page (/cases/{id}/decision) does what the API does, with the refusals in Chinese beside the form.</summary>
public sealed class DecisionPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Local(int addDays = 0) => ChinaNow(addDays)[..16];

    private async Task<int> AtNoticeAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await ProposeAsync(app, caseId);
        return caseId;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient page, int caseId, string handler, Dictionary<string, string> fields, string query = "")
        => ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}/decision", fields, $"/cases/{caseId}/decision?handler={handler}{query}");

    private Task<string> StepAsync(int caseId) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync());

    [Fact]
    public async Task Through_the_page_the_notice_is_made_and_served_a_statement_recorded_and_answered_and_the_head_issues_the_decision()
    {
        int caseId = await AtNoticeAsync();
        var page = await app.SignInAsync("handler");
        var caseHtml = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/cases/{caseId}/decision\"", caseHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Notice", new() { ["Input.Reasons"] = "违法事实清楚" })).StatusCode);
        int noticeId = await app.WithDbAsync(db => db.Set<Domain.Decisions.Notice>().Where(n => n.CaseId == caseId).Select(n => n.Id).SingleAsync());

        var refused = await PostAsync(page, caseId, "Serve", new() { ["Input.ServedAt"] = Local() }, $"&noticeId={noticeId}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("送达方式不能为空", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Serve", new() { ["Input.ServedAt"] = Local(), ["Input.ServiceMethod"] = "直接送达" }, $"&noticeId={noticeId}")).StatusCode);
        await MoveAsync(await app.ApiClientAsync("handler"), caseId, CaseSteps.Statement);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Statement", new()
        {
            ["Input.Form"] = "Oral", ["Input.MadeAt"] = Local(), ["Input.Speaker"] = "刘某", ["Input.Content"] = "请求减轻处罚", ["Input.Place"] = "办公室",
        })).StatusCode);
        int statementId = await app.WithDbAsync(db => db.Set<Domain.Decisions.Statement>().Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Answer", new() { ["Input.Answer"] = "NotAdopted", ["Input.AnswerReason"] = "无法定减轻情节" }, $"&statementId={statementId}")).StatusCode);

        var html = await (await page.GetAsync($"/cases/{caseId}/decision")).Content.ReadAsStringAsync();
        Assert.Contains("陈述、申辩期限", html);
        Assert.Contains("工作日", html);
        Assert.Contains("陈述申辩笔录", html);
        Assert.Contains("不予采纳", html);
        Assert.DoesNotContain("data-testid=\"issue-form\"", html); // a handler does not sign

        var head = await app.SignInAsync("head");
        var early = await PostAsync(head, caseId, "Issue", new() { ["Input.Place"] = "局机关" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyHtml = await early.Content.ReadAsStringAsync();
        Assert.Contains("期限未满且当事人未书面放弃", earlyHtml);
        Assert.Contains("陈述申辩笔录", earlyHtml);
        Assert.Contains("尚未签名", earlyHtml); // the oral statement's 笔录 is not yet signed (REC-3)
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Waive", new() { ["Input.WaivedAt"] = Local(), ["Input.WaiverNote"] = "当事人书面声明放弃" }, $"&noticeId={noticeId}")).StatusCode);
        await DecisionTestData.SignRecordsAsync(await app.ApiClientAsync("handler"), caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, caseId, "Issue", new() { ["Input.Place"] = "局机关" })).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
        var done = await (await head.GetAsync($"/cases/{caseId}/decision")).Content.ReadAsStringAsync();
        Assert.Contains("行政处罚决定书 永卫罚决〔", done);
        Assert.Contains("六十日内依法申请行政复议", done);
    }

    [Fact]
    public async Task A_handler_cannot_sign_through_the_page_and_a_supervisor_only_reads()
    {
        int caseId = await AtNoticeAsync();
        var handler = await app.SignInAsync("handler");
        var post = await PostAsync(handler, caseId, "Issue", new());
        Assert.Contains("/account/access-denied", post.Headers.Location?.OriginalString);
        Assert.Equal(CaseSteps.Notice, await StepAsync(caseId));
        var supervisor = await app.SignInAsync("supervisor");
        var html = await (await supervisor.GetAsync($"/cases/{caseId}/decision")).Content.ReadAsStringAsync();
        Assert.Contains("一、事先告知", html);
        Assert.DoesNotContain("data-testid=\"notice-form\"", html);
    }

    [Fact]
    public async Task The_page_refuses_a_discussion_of_staff_in_Chinese_and_records_one_of_the_leaders_presided_by_the_head()
    {
        int caseId = await AtNoticeAsync();
        var page = await app.SignInAsync("handler");
        var ids = await app.WithDbAsync(db => db.Users.Where(u => new[] { "head", "deputy", "reviewer", "publicity", "archivist", "unithead" }.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var fields = new Dictionary<string, string> { ["Input.Reasons"] = "情节复杂", ["Input.HeldAt"] = Local(), ["Input.Place"] = "会议室", ["Input.Conclusion"] = "同意拟处理意见" };
        Dictionary<string, string> With(string? presider, params string[] who)
        {
            var form = new Dictionary<string, string>(fields);
            if (presider is not null) form["Input.PresiderUserId"] = ids[presider];
            // Form posts of a list: the same name repeated is what a browser sends; here the indices do the same.
            for (int i = 0; i < who.Length; i++) { form[$"Input.ParticipantIds[{i}]"] = ids[who[i]]; form[$"Input.Opinions[{ids[who[i]]}]"] = $"{who[i]}的意见"; }
            return form;
        }
        var staffOnly = await (await PostAsync(page, caseId, "Discussion", With(null, "publicity", "archivist", "unithead", "reviewer"))).Content.ReadAsStringAsync();
        Assert.Contains("集体讨论须由本机关负责人（主要负责人、分管负责人）至少 2 人出席（行政处罚法第五十七条第二款），现出席的负责人 0 人；列席人员 4 人不计入", staffOnly);
        Assert.Contains("请选择集体讨论的主持人", staffOnly);
        var undesignated = await (await PostAsync(page, caseId, "Discussion", With("deputy", "deputy", "head"))).Content.ReadAsStringAsync();
        Assert.Contains("分管负责人主持集体讨论须经主要负责人指定", undesignated);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CollectiveDiscussion>().CountAsync(d => d.CaseId == caseId)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(page, caseId, "Discussion", With("head", "head", "deputy", "reviewer"))).StatusCode);
        var html = await (await page.GetAsync($"/cases/{caseId}/decision")).Content.ReadAsStringAsync();
        Assert.Contains("主持人：李建国（主要负责人）", html);
        Assert.Contains("deputy的意见", html);
        Assert.Contains("列席</span> 赵敏", html);
        Assert.Contains("出席负责人 2 人（须至少 2 人，本机关负责人 2 人）", html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == caseId && d.TypeCode == "collective-discussion")));
    }

    [Fact]
    public async Task Only_an_administrator_changes_the_agency_settings_on_their_page()
    {
        int agencyId = await app.AgencyIdAsync();
        var handler = await app.SignInAsync("handler");
        var html = await (await handler.GetAsync($"/agencies/{agencyId}/decision-settings")).Content.ReadAsStringAsync();
        Assert.Contains("较大数额罚款", html);
        Assert.DoesNotContain(">保存<", html);

        var admin = await app.SignInAsync("admin");
        var bad = await ZhifaFactory.PostFormAsync(admin, $"/agencies/{agencyId}/decision-settings", new()
        {
            ["Input.LargeFineCitizenYuan"] = "-1", ["Input.LargeFineOrganisationYuan"] = "100000", ["Input.LargeConfiscationCitizenYuan"] = "10000", ["Input.LargeConfiscationOrganisationYuan"] = "100000",
            ["Input.DiscussionQuorum"] = "1",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("对公民的较大数额罚款应大于零", badHtml);
        Assert.Contains("出席集体讨论的负责人人数应为 2 至 50 人", badHtml);
        Assert.Contains("法制审核同意后须经分管领导在法制审核表上签署意见", badHtml);
        var ok = await ZhifaFactory.PostFormAsync(admin, $"/agencies/{agencyId}/decision-settings", new()
        {
            ["Input.LargeFineCitizenYuan"] = "10000", ["Input.LargeFineOrganisationYuan"] = "100000", ["Input.LargeConfiscationCitizenYuan"] = "10000", ["Input.LargeConfiscationOrganisationYuan"] = "100000",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }
}
