using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>
/// LR-1 over every path: the statement → decided move (API and page), the penalty decision and the collective-discussion
/// minutes are refused for a major case until the latest round agrees to the proposal as it stands.
/// </summary>
public sealed class LegalReviewGateTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static object Decision => new { typeCode = "penalty-decision", fields = new Dictionary<string, string> { ["法律依据"] = "《公共场所卫生管理条例实施细则》第三十五条", ["决定内容"] = "吊销卫生许可证" } };
    private static object Discussion => new { typeCode = "collective-discussion", fields = new Dictionary<string, string> { ["时间"] = "2026年3月5日", ["内容"] = "讨论", ["意见"] = "同意" } };

    private async Task<(string Decide, string Decision, string Discussion)> TryAllAsync(HttpClient api, int caseId)
    {
        var decide = await MoveAsync(api, caseId, CaseSteps.Decided);
        var decision = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Decision);
        var discussion = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Discussion);
        return (await Describe(decide), await Describe(decision), await Describe(discussion));

        static async Task<string> Describe(HttpResponseMessage r) => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
    }

    private static void AllRefused((string Decide, string Decision, string Discussion) r, string message)
    {
        foreach (var (path, answer) in new[] { ("decide", r.Decide), ("penalty-decision", r.Decision), ("collective-discussion", r.Discussion) })
        {
            Assert.True(answer.StartsWith("400", StringComparison.Ordinal), $"{path}: {answer}");
            Assert.Contains("legal_review.not_passed", answer);
            Assert.Contains(message, answer);
        }
    }

    [Fact]
    public async Task A_case_that_is_not_major_is_decided_without_review()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "Warning", content: "警告");
        var view = await ViewAsync(handler, caseId);
        Assert.False(view.GetProperty("gate").GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Discussion)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(handler, caseId, CaseSteps.Decided)).StatusCode);
    }

    [Fact]
    public async Task A_licence_revocation_is_refused_on_every_path_before_review_and_after_a_not_yet_and_allowed_after_agreement()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 5000m);

        var view = await ViewAsync(handler, caseId);
        Assert.True(view.GetProperty("gate").GetProperty("required").GetBoolean());
        Assert.Contains("吊销许可证件", view.GetProperty("reasons")[0].GetProperty("message").GetString());
        AllRefused(await TryAllAsync(handler, caseId), "尚未送法制审核");

        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "法制审核中");

        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", NotYet), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "暂不同意");

        await ApproveAsync(handler, reviewer, caseId, evidence, reply: "已补充收款记录。", extra: "收款记录三页");
        view = await ViewAsync(handler, caseId);
        Assert.True(view.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Discussion)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", Decision)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(handler, caseId, CaseSteps.Decided)).StatusCode);
    }

    [Fact]
    public async Task A_disagreement_keeps_the_gate_closed()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "SuspendBusiness", content: "责令停业整顿");
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", new
        {
            outcome = "不同意", findings = Findings("Authority", "不属于本局职权"), reasonCategories = new[] { "超越职权" }, reasons = "超越职权",
        }), HttpStatusCode.Created);
        AllRefused(await TryAllAsync(handler, caseId), "不同意");
    }

    [Fact]
    public async Task A_material_change_after_agreement_reopens_review_and_says_so_but_saving_the_same_proposal_does_not()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 5000m);
        await ApproveAsync(handler, reviewer, caseId, evidence);

        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 5000m); // saved again, unchanged
        Assert.True((await ViewAsync(handler, caseId)).GetProperty("gate").GetProperty("open").GetBoolean());

        await ProposeAsync(app, caseId, "Fine,RevokeLicence", 8000m);
        var view = await ViewAsync(handler, caseId);
        Assert.False(view.GetProperty("gate").GetProperty("open").GetBoolean());
        Assert.True(view.GetProperty("proposalChangedSinceSubmission").GetBoolean());
        AllRefused(await TryAllAsync(handler, caseId), "实质变更");

        var page = await app.SignInAsync("handler");
        var refused = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["Move.ToStep"] = CaseSteps.Decided }, $"/cases/{caseId}?handler=Move");
        Assert.Contains("已有实质变更，须重新送法制审核", await refused.Content.ReadAsStringAsync());

        await ApproveAsync(handler, reviewer, caseId, evidence);
        var moved = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["Move.ToStep"] = CaseSteps.Decided }, $"/cases/{caseId}?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var c = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(CaseSteps.Decided, c.GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_hearing_record_makes_the_case_major_and_must_be_submitted()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "Warning", content: "警告");
        var hearing = await Documents.DocumentTestData.GenerateAsync(handler, caseId, new
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
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(handler, caseId, CaseSteps.Decided)).StatusCode);
    }

    [Fact]
    public async Task A_manual_flag_makes_a_case_major_with_its_reason_and_is_audited()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handler);
        await ProposeAsync(app, caseId, "Warning", content: "警告");
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
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(handler, caseId, CaseSteps.Decided)).StatusCode);
        bool audited = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.AuditEntries, a => a.SubjectType == "ReviewFlag" && a.Actor == "handler"));
        Assert.True(audited);
    }
}
