using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Web.Tests.Decisions;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>
/// LR-1 over every path: the statement → decided move (API and page), the collective discussion, its minutes and the
/// issuing of the decision by the head (API and the 决定 page) are refused for a major case until the latest round
/// agrees to the proposal as it stands.
/// </summary>
public sealed class LegalReviewGateTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static object Minutes => new { typeCode = "collective-discussion", fields = new Dictionary<string, string> { ["时间"] = "2026年3月5日", ["内容"] = "讨论", ["意见"] = "同意" } };

    private async Task<(string Decide, string Discussion, string Minutes, string Decision)> TryAllAsync(HttpClient api, int caseId)
    {
        var decide = await MoveAsync(api, caseId, CaseSteps.Decided);
        var discussion = await DecisionTestData.DiscussAsync(api, caseId);
        var minutes = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Minutes);
        var decision = await DecisionTestData.IssueDecisionAsync(app, caseId);
        return (await Describe(decide), await Describe(discussion), await Describe(minutes), await Describe(decision));

        static async Task<string> Describe(HttpResponseMessage r) => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
    }

    private static void AllRefused((string Decide, string Discussion, string Minutes, string Decision) r, string message)
    {
        foreach (var (path, answer) in new[] { ("decide", r.Decide), ("discussion", r.Discussion), ("collective-discussion", r.Minutes), ("decision", r.Decision) })
        {
            // Refused as bad input (400), as not this person's move (403: the handler cannot decide) or as not yet (409).
            Assert.True(answer.StartsWith("400", StringComparison.Ordinal) || answer.StartsWith("403", StringComparison.Ordinal)
                || answer.StartsWith("409", StringComparison.Ordinal), $"{path}: {answer}");
            Assert.Contains("legal_review.not_passed", answer);
            Assert.Contains(message, answer);
        }
    }

    /// <summary>What a refusal must have left untouched: no discussion, no decision, the case still at 陈述申辩.</summary>
    private async Task NothingChangedAsync(int caseId)
    {
        Assert.False(await app.WithDbAsync(db => db.Set<CollectiveDiscussion>().AnyAsync(d => d.CaseId == caseId)));
        Assert.False(await app.WithDbAsync(db => db.Set<Decision>().AnyAsync(d => d.CaseId == caseId)));
        Assert.Equal(CaseSteps.Statement, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync()));
    }

    private Task<string> StepAsync(int caseId) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync());

    [Fact]
    public async Task A_case_that_is_not_major_is_decided_without_review()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handler);
        var view = await ViewAsync(handler, caseId);
        Assert.False(view.GetProperty("gate").GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Minutes)).StatusCode);
        await ExpectAsync(await WaiveDiscussAndIssueAsync(app, handler, caseId, discuss: false), HttpStatusCode.OK);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_licence_revocation_is_refused_on_every_path_before_review_and_after_a_not_yet_and_allowed_after_agreement()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "Fine,RevokeLicence", 5000m, "吊销公共场所卫生许可证，并处罚款。");
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));

        var view = await ViewAsync(handler, caseId);
        Assert.True(view.GetProperty("gate").GetProperty("required").GetBoolean());
        Assert.Contains("吊销许可证件", view.GetProperty("reasons")[0].GetProperty("message").GetString());
        AllRefused(await TryAllAsync(handler, caseId), "尚未送法制审核");

        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "法制审核中");

        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", NotYet), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "暂不同意");
        await NothingChangedAsync(caseId);

        await ApproveAsync(app, handler, reviewer, caseId, evidence, reply: "已补充收款记录。", extra: "收款记录三页");
        view = await ViewAsync(handler, caseId);
        Assert.True(view.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Minutes)).StatusCode);
        // Agreed, the decision still waits for the collective discussion (art. 57), which is now allowed.
        Assert.Contains("discussion.not_concluded", await (await DecisionTestData.IssueDecisionAsync(app, caseId)).Content.ReadAsStringAsync());
        await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);
        await ExpectAsync(await DecisionTestData.IssueDecisionAsync(app, caseId), HttpStatusCode.OK);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_disagreement_keeps_the_gate_closed()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "SuspendBusiness", content: "责令停业整顿");
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", new
        {
            outcome = "不同意", findings = Findings("Authority", "不属于本局职权"), reasonCategories = new[] { "超越职权" }, reasons = "超越职权",
        }), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "不同意");
        await NothingChangedAsync(caseId);
    }

    [Fact]
    public async Task A_material_change_after_agreement_reopens_review_and_says_so_but_saving_the_same_proposal_does_not()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "Fine,RevokeLicence", 5000m, "吊销公共场所卫生许可证，并处罚款。");
        await ApproveAsync(app, handler, reviewer, caseId, evidence);

        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 5000m); // saved again, unchanged
        Assert.True((await ViewAsync(handler, caseId)).GetProperty("gate").GetProperty("open").GetBoolean());

        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 8000m);
        var view = await ViewAsync(handler, caseId);
        Assert.False(view.GetProperty("gate").GetProperty("open").GetBoolean());
        Assert.True(view.GetProperty("proposalChangedSinceSubmission").GetBoolean());
        AllRefused(await TryAllAsync(handler, caseId), "实质变更");
        await NothingChangedAsync(caseId);

        var page = await app.SignInAsync("handler");
        var refused = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["Move.ToStep"] = CaseSteps.Decided }, $"/cases/{caseId}?handler=Move");
        Assert.Contains("已有实质变更，须重新送法制审核", await refused.Content.ReadAsStringAsync());
        var head = await app.SignInAsync("head");
        var decisionPage = $"/cases/{caseId}/decision";
        var notSigned = await ZhifaFactory.PostFormAsync(head, decisionPage, new() { ["Input.Place"] = "局机关" }, $"{decisionPage}?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, notSigned.StatusCode);
        Assert.Contains("已有实质变更，须重新送法制审核", await notSigned.Content.ReadAsStringAsync());

        // The heavier fine is reviewed again and, being heavier than the notice served, notified again (art. 62).
        await ApproveAsync(app, handler, reviewer, caseId, evidence);
        int again = await DecisionTestData.NotifyAsync(handler, caseId);
        await DecisionTestData.ServeAsync(handler, caseId, again);
        await DecisionTestData.WaiveAsync(handler, caseId, again);
        await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);
        var signed = await ZhifaFactory.PostFormAsync(head, decisionPage, new() { ["Input.Place"] = "局机关" }, $"{decisionPage}?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var c = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(CaseSteps.Decided, c.GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_proposal_changed_after_its_collective_discussion_is_discussed_again_before_the_head_issues()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "Fine,RevokeLicence", 5000m, "吊销公共场所卫生许可证，并处罚款。");
        await ApproveAsync(app, handler, reviewer, caseId, evidence);
        await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);

        // A lighter fine after the discussion: reviewed again, but what the discussion decided is no longer what is proposed.
        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 3000m);
        await ApproveAsync(app, handler, reviewer, caseId, evidence);
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        var refused = await DecisionTestData.IssueDecisionAsync(app, caseId);
        var (code, _, body) = await refused.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("conditions_unmet", code);
        Assert.Contains("discussion.outdated", body);
        Assert.Contains("拟作出的决定在集体讨论后已修改，须重新集体讨论", body);
        Assert.Equal(CaseSteps.Statement, (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("step").GetString());

        await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);
        await ExpectAsync(await DecisionTestData.IssueDecisionAsync(app, caseId), HttpStatusCode.OK);
        Assert.Equal(CaseSteps.Decided, (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("step").GetString());
    }

    [Fact]
    public async Task The_decision_page_refuses_the_discussion_and_the_decision_of_a_major_case_in_Chinese_until_review_agrees()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "SuspendBusiness", content: "责令停业整顿");
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        var url = $"/cases/{caseId}/decision";
        var leaders = (await DecisionTestData.StaffAsync(handler, caseId)).Where(s => s.Leader).ToList();
        var staff = leaders.Select(s => s.Id).ToList();
        var discussion = new Dictionary<string, string>
        {
            ["Input.Reasons"] = "责令停产停业，属重大执法决定", ["Input.HeldAt"] = DecisionTestData.ChinaNow()[..16], ["Input.Place"] = "三楼会议室", ["Input.Conclusion"] = "同意责令停业整顿",
            ["Input.PresiderUserId"] = leaders.First(s => s.Head).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (int i = 0; i < staff.Count; i++)
        {
            discussion[$"Input.ParticipantIds[{i}]"] = staff[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            discussion[$"Input.Opinions[{staff[i]}]"] = "同意";
        }
        var handlerPage = await app.SignInAsync("handler");
        var head = await app.SignInAsync("head");

        var html = await (await handlerPage.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("法制审核同意后方可集体讨论：本案属于重大执法决定，尚未送法制审核", html);
        var notDiscussed = await ZhifaFactory.PostFormAsync(handlerPage, url, discussion, $"{url}?handler=Discussion");
        Assert.Equal(HttpStatusCode.OK, notDiscussed.StatusCode);
        Assert.Contains("重大执法决定须经法制审核同意后方可集体讨论：本案属于重大执法决定，尚未送法制审核", await notDiscussed.Content.ReadAsStringAsync());
        var notSigned = await ZhifaFactory.PostFormAsync(head, url, new() { ["Input.Place"] = "局机关" }, $"{url}?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, notSigned.StatusCode);
        Assert.Contains("重大执法决定须经法制审核同意后方可作出：本案属于重大执法决定，尚未送法制审核", await notSigned.Content.ReadAsStringAsync());

        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", NotYet), HttpStatusCode.Created);
        notSigned = await ZhifaFactory.PostFormAsync(head, url, new() { ["Input.Place"] = "局机关" }, $"{url}?handler=Issue");
        Assert.Contains("暂不同意", await notSigned.Content.ReadAsStringAsync());
        notDiscussed = await ZhifaFactory.PostFormAsync(handlerPage, url, discussion, $"{url}?handler=Discussion");
        Assert.Contains("暂不同意", await notDiscussed.Content.ReadAsStringAsync());
        await NothingChangedAsync(caseId);

        await ApproveAsync(app, handler, reviewer, caseId, evidence, reply: "已补充收款记录。", extra: "收款记录");
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(handlerPage, url, discussion, $"{url}?handler=Discussion")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(head, url, new() { ["Input.Place"] = "局机关" }, $"{url}?handler=Issue")).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task The_review_form_the_discussion_and_the_decision_wait_for_the_deputys_opinion_after_the_reviewer_agrees()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "Fine,RevokeLicence", 5000m, "吊销公共场所卫生许可证，并处罚款。");
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", Agree), HttpStatusCode.Created);

        // Agreed, but the 分管领导 has not signed: no 法制审核表 (not even the one filed after an opinion), no discussion, no decision.
        var form = await handler.PostAsync($"/api/v1/cases/{caseId}/legal-review/form", null);
        var (_, fields, body) = await form.ReadProblemAsync();
        Assert.Equal(["leaderOpinion"], fields);
        Assert.Contains("legal_review.leader_opinion_missing", body);
        Assert.False(await app.WithDbAsync(db => db.Set<CaseDocument>().AnyAsync(d => d.CaseId == caseId && d.TypeCode == "legal-review-form")));
        AllRefused(await TryAllAsync(handler, caseId), "尚须分管领导在法制审核表上签署意见");
        await NothingChangedAsync(caseId);
        Assert.Contains("待分管领导签署意见", (await ViewAsync(handler, caseId)).GetProperty("statusLabel").GetString());

        // Only a leader of the case's agency signs, saying 同意 or 不同意.
        var leaderOpinion = new { agrees = true, text = "同意法制审核意见。" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(reviewer, caseId, "leader-opinion", leaderOpinion)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.ApiClientAsync("unithead"), caseId, "leader-opinion", leaderOpinion)).StatusCode);
        var deputy = await app.ApiClientAsync("deputy");
        var (_, missing, _) = await (await PostAsync(deputy, caseId, "leader-opinion", new { text = "" })).ReadProblemAsync();
        Assert.Equal(["agrees", "text"], missing);

        await ExpectAsync(await PostAsync(deputy, caseId, "leader-opinion", leaderOpinion), HttpStatusCode.OK);
        var filed = (await handler.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents"))!.Last(d => d.GetProperty("typeCode").GetString() == "legal-review-form");
        var text = Zhifa.Web.Features.Documents.DocumentWord.ReadText(await handler.GetByteArrayAsync($"/api/v1/documents/{filed.GetProperty("id").GetInt32()}/file"));
        Assert.Contains("分管领导意见：同意。同意法制审核意见。", text);
        Assert.Contains("签字：周涛　" + DocumentRulesDay(), text);
        await ExpectAsync(await handler.PostAsync($"/api/v1/cases/{caseId}/legal-review/form", null), HttpStatusCode.Created);
        await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);
        await ExpectAsync(await DecisionTestData.IssueDecisionAsync(app, caseId), HttpStatusCode.OK);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    private static string DocumentRulesDay()
    {
        var d = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return $"{d.Year}年{d.Month}月{d.Day}日";
    }

    [Fact]
    public async Task A_leaders_disagreement_keeps_the_gate_closed_until_the_case_is_submitted_again()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "SuspendBusiness", content: "责令停业整顿");
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", Agree), HttpStatusCode.Created);
        // The head may sign the leader's opinion too.
        await ExpectAsync(await PostAsync(await app.ApiClientAsync("head"), caseId, "leader-opinion", new { agrees = false, text = "停业期限过长，应重新研究" }), HttpStatusCode.OK);
        AllRefused(await TryAllAsync(handler, caseId), "分管领导不同意第1轮法制审核意见（停业期限过长，应重新研究）");
        await NothingChangedAsync(caseId);

        await ApproveAsync(app, handler, reviewer, caseId, evidence, reply: "已按分管领导意见研究，维持原拟决定并补充说明。");
        Assert.True((await ViewAsync(handler, caseId)).GetProperty("gate").GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task The_review_page_records_the_deputys_opinion_and_refuses_the_form_without_it_in_Chinese()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "SuspendBusiness", content: "责令停业整顿");
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", Agree), HttpStatusCode.Created);
        var url = $"/cases/{caseId}/legal-review";
        var handlerPage = await app.SignInAsync("handler");
        var refused = await ZhifaFactory.PostFormAsync(handlerPage, url, new(), $"{url}?handler=Form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("法制审核已同意，尚须分管领导在法制审核表上签署意见", await refused.Content.ReadAsStringAsync());

        var deputyPage = await app.SignInAsync("deputy");
        Assert.Contains("data-testid=\"leader-form\"", await (await deputyPage.GetAsync(url)).Content.ReadAsStringAsync());
        var noChoice = await ZhifaFactory.PostFormAsync(deputyPage, url, new() { ["Leader.Text"] = "同意" }, $"{url}?handler=Leader");
        Assert.Contains("请选择分管领导意见：同意或不同意", await noChoice.Content.ReadAsStringAsync());
        var signed = await ZhifaFactory.PostFormAsync(deputyPage, url, new() { ["Leader.Agrees"] = "true", ["Leader.Text"] = "同意，提交集体讨论" }, $"{url}?handler=Leader");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var html = await (await handlerPage.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("分管领导意见：同意。同意，提交集体讨论（周涛", html);
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(handlerPage, url, new(), $"{url}?handler=Form")).StatusCode);
    }

    [Fact]
    public async Task A_hearing_record_makes_the_case_major_and_must_be_submitted()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        var hearing = await Documents.DocumentTestData.GenerateSignedAsync(handler, caseId, new
        {
            typeCode = "hearing-record", fields = new Dictionary<string, string> { ["时间"] = "2026年3月3日", ["内容"] = "当事人陈述申辩" },
        });
        var view = await ViewAsync(handler, caseId);
        Assert.Equal("hearing", view.GetProperty("reasons")[0].GetProperty("code").GetString());
        AllRefused(await TryAllAsync(handler, caseId), "尚未送法制审核");

        var (_, fields, _) = await (await PostAsync(handler, caseId, "submissions", Submission(evidence))).ReadProblemAsync();
        Assert.Equal(["hearingRecordDocumentId"], fields);
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence, hearingRecordId: hearing.GetProperty("id").GetInt32())), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", Agree), HttpStatusCode.Created);
        await LeaderAgreesAsync(app, caseId);
        await ExpectAsync(await WaiveDiscussAndIssueAsync(app, handler, caseId), HttpStatusCode.OK);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_manual_flag_makes_a_case_major_with_its_reason_and_is_audited()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handler);
        var supervisor = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(supervisor, caseId, "flags", new { criterion = "Complex", reason = "x" })).StatusCode);
        var (_, fields, _) = await (await PostAsync(handler, caseId, "flags", new { criterion = "", reason = "" })).ReadProblemAsync();
        Assert.Equal(["criterion", "reason"], fields);

        await ExpectAsync(await PostAsync(handler, caseId, "flags", new { criterion = "案件情况疑难复杂、涉及多个法律关系", reason = "同时涉及医疗机构执业和药品管理" }), HttpStatusCode.Created);
        var view = await ViewAsync(handler, caseId);
        var reason = view.GetProperty("reasons")[0];
        Assert.True(reason.GetProperty("manual").GetBoolean());
        Assert.Contains("同时涉及医疗机构执业和药品管理", reason.GetProperty("message").GetString());
        Assert.Contains("张伟", reason.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(handler, caseId, CaseSteps.Decided)).StatusCode);
        bool audited = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.AuditEntries, a => a.SubjectType == "ReviewFlag" && a.Actor == "handler"));
        Assert.True(audited);
    }
}
