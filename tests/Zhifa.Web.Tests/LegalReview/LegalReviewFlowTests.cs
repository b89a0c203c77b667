using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.LegalReview.LegalReviewTestData;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>LR-3 … LR-9 through the API: submission, return, rounds, qualification, time limit, leader, consultation, coordination, the form, the report.</summary>
public sealed class LegalReviewFlowTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(HttpClient Handler, HttpClient Reviewer, int CaseId, int Evidence)> MajorCaseAsync()
    {
        var handler = await app.ApiClientAsync("handler");
        var reviewer = await app.ApiClientAsync("reviewer");
        var (caseId, evidence) = await CaseAtStatementAsync(app, handler, "Fine,RevokeLicence", 5000m, "吊销公共场所卫生许可证，并处罚款。",
            Zhifa.Domain.Decisions.DiscretionTier.Heavier, "违法时间长、拒不改正");
        return (handler, reviewer, caseId, evidence);
    }

    [Fact]
    public async Task An_incomplete_submission_is_refused_listing_everything_missing_and_nothing_is_kept()
    {
        var (handler, _, caseId, _) = await MajorCaseAsync();
        var refused = await PostAsync(handler, caseId, "submissions", new { basicFacts = "事实", contactName = "张伟" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["lawApplied", "discretion", "investigation", "hearingAndAppraisal", "procedureFollowed", "evidence", "unitOpinion", "contactPhone"], fields);
        Assert.Contains("缺少相关证据、依据材料", body);
        Assert.Empty((await ViewAsync(handler, caseId)).GetProperty("submissions").EnumerateArray());
    }

    [Fact]
    public async Task A_submission_snapshots_the_proposal_with_its_fingerprint_and_shows_the_tier_and_the_due_date()
    {
        var (handler, _, caseId, evidence) = await MajorCaseAsync();
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        var view = await ViewAsync(handler, caseId);
        var s = view.GetProperty("submissions")[0];
        Assert.Equal(view.GetProperty("proposal").GetProperty("fingerprint").GetString(), s.GetProperty("proposalFingerprint").GetString());
        Assert.Contains("\"fineYuan\":5000", s.GetProperty("proposalSnapshot").GetString());
        Assert.Equal("从重处罚", view.GetProperty("proposal").GetProperty("tierLabel").GetString());
        Assert.Equal("违法时间长、拒不改正", view.GetProperty("proposal").GetProperty("outsideRangeReason").GetString());
        Assert.Contains("现场笔录", s.GetProperty("materials")[0].GetProperty("name").GetString());
        var due = view.GetProperty("due");
        Assert.False(due.GetProperty("extended").GetBoolean());
        Assert.Contains("5个工作日", due.GetProperty("basis").GetString());
        Assert.All(view.GetProperty("qualifications").EnumerateArray(), q => Assert.True(q.GetProperty("qualifiedThroughout").GetBoolean()));

        var again = await PostAsync(handler, caseId, "submissions", Submission(evidence));
        Assert.Contains("尚在审核中", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_submission_of_a_case_that_is_not_major_or_with_another_cases_document_is_refused()
    {
        var handler = await app.ApiClientAsync("handler");
        var (caseId, _) = await CaseAtStatementAsync(app, handler);
        var (otherCase, otherEvidence) = await CaseAtStatementAsync(app, handler);
        Assert.Contains("not_major", await (await PostAsync(handler, caseId, "submissions", Submission(otherEvidence))).Content.ReadAsStringAsync());
        await ProposeAsync(app, caseId, "RevokeLicence");
        var (_, fields, _) = await (await PostAsync(handler, caseId, "submissions", Submission(otherEvidence))).ReadProblemAsync();
        Assert.Contains("evidenceDocumentIds", fields);
        Assert.NotEqual(caseId, otherCase);
    }

    [Fact]
    public async Task The_review_unit_returns_a_submission_and_the_next_one_must_bring_what_it_asked_for()
    {
        var (handler, reviewer, caseId, evidence) = await MajorCaseAsync();
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(handler, caseId, "return", new { reason = "x" })).StatusCode);
        var (_, fields, _) = await (await PostAsync(reviewer, caseId, "return", new { reason = "" })).ReadProblemAsync();
        Assert.Equal(["reason"], fields);
        await ExpectAsync(await PostAsync(reviewer, caseId, "return", new { reason = "缺少询问笔录", requestedMaterial = "对当事人的询问笔录" }), HttpStatusCode.OK);

        var view = await ViewAsync(handler, caseId);
        Assert.Equal("Returned", view.GetProperty("submissions")[0].GetProperty("status").GetString());
        Assert.Contains("退回", view.GetProperty("gate").GetProperty("message").GetString());
        var desk = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/legal-review/desk");
        Assert.Contains(desk.GetProperty("returned").EnumerateArray(), i => i.GetProperty("caseId").GetInt32() == caseId && i.GetProperty("note").GetString() == "缺少询问笔录");

        var missing = await PostAsync(handler, caseId, "submissions", Submission(evidence));
        Assert.Contains("对当事人的询问笔录", await missing.Content.ReadAsStringAsync());
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence, extra: "补充询问笔录一份")), HttpStatusCode.Created);
        Assert.Equal(2, (await ViewAsync(handler, caseId)).GetProperty("submissions").GetArrayLength());
    }

    [Fact]
    public async Task Every_round_is_kept_with_the_opinion_and_the_reply_and_an_unanswered_opinion_is_not_resubmitted()
    {
        var (handler, reviewer, caseId, evidence) = await MajorCaseAsync();
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        var (_, fields, _) = await (await PostAsync(reviewer, caseId, "opinions", new { outcome = "NotYet", findings = Findings() })).ReadProblemAsync();
        Assert.Equal(["reasonCategories", "reasons"], fields);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", NotYet), HttpStatusCode.Created);
        // The written opinion is filed with the case documents at once (seed 000 art. 10).
        var filed = Assert.Single((await handler.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents"))!,
            d => d.GetProperty("typeCode").GetString() == "legal-review-form");
        Assert.Contains("营业时间的证据不足", DocumentWord.ReadText(await handler.GetByteArrayAsync($"/api/v1/documents/{filed.GetProperty("id").GetInt32()}/file")));

        var (_, missing, _) = await (await PostAsync(handler, caseId, "submissions", Submission(evidence))).ReadProblemAsync();
        Assert.Equal(["extraMaterial", "reply"], missing);
        await ApproveAsync(app, handler, reviewer, caseId, evidence, reply: "已补充收款记录并核实营业时间。", extra: "收款记录");

        var rounds = (await ViewAsync(handler, caseId)).GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        Assert.Equal("暂不同意", rounds[0].GetProperty("opinion").GetProperty("outcomeLabel").GetString());
        Assert.Equal("需要补充或者重新调查收集证据", rounds[0].GetProperty("opinion").GetProperty("reasonCategories")[0].GetProperty("label").GetString());
        Assert.Equal("已补充收款记录并核实营业时间。", rounds[1].GetProperty("reply").GetString());
        Assert.Equal("同意", rounds[1].GetProperty("opinion").GetProperty("outcomeLabel").GetString());
        Assert.Equal("赵敏", rounds[1].GetProperty("opinion").GetProperty("reviewedBy").GetString());
    }

    [Fact]
    public async Task A_reviewer_without_legal_qualification_cannot_do_a_first_review_and_a_handling_officer_cannot_review_his_case()
    {
        var (handler, _, caseId, evidence) = await MajorCaseAsync();
        var admin = await app.ApiClientAsync("admin");
        var (agencyId, officerId) = await app.WithDbAsync(async db =>
        {
            var o = await db.Officers.SingleAsync(x => x.Name == "杨帆");
            return (o.AgencyId, o.Id);
        });
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "reviewer.new", displayName = "杨帆", agencyId, officerId, roles = new[] { "legal-reviewer" }, password = "Zhifa@2026",
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var newcomer = await app.ApiClientAsync("reviewer.new");
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        var refused = await PostAsync(newcomer, caseId, "opinions", Agree);
        // Who may review is the table's (行政处罚法第五十八条第二款): a refused actor, not bad input.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("行政处罚法第五十八条", await refused.Content.ReadAsStringAsync());

        // 张伟 handles the case; an account of his with the reviewer role is still refused.
        var zhang = await app.WithDbAsync(db => db.Officers.Where(o => o.Name == "张伟").Select(o => o.Id).SingleAsync());
        await ExpectAsync(await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "reviewer.zhang", displayName = "张伟", agencyId, officerId = zhang, roles = new[] { "legal-reviewer" }, password = "Zhifa@2026",
        }), HttpStatusCode.Created);
        var own = await PostAsync(await app.ApiClientAsync("reviewer.zhang"), caseId, "opinions", Agree);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("handles_case", await own.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", (await ViewAsync(handler, caseId)).GetProperty("submissions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_review_shows_an_officer_whose_certificate_is_not_valid_on_a_day_of_the_case()
    {
        var (handler, _, caseId, _) = await MajorCaseAsync();
        var li = await app.WithDbAsync(db => db.Officers.Include(o => o.Certificates).SingleAsync(o => o.Name == "李娜"));
        var certificateId = li.Certificates[0].Id;
        try
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Set<Zhifa.Domain.Officers.Certificate>().SingleAsync(x => x.Id == certificateId)).State = Zhifa.Domain.Officers.CertificateState.Suspended;
                await db.SaveChangesAsync();
            });
            var qualifications = (await ViewAsync(handler, caseId)).GetProperty("qualifications").EnumerateArray().ToList();
            var liNa = Assert.Single(qualifications, q => q.GetProperty("name").GetString() == "李娜");
            Assert.False(liNa.GetProperty("qualifiedThroughout").GetBoolean());
            Assert.Contains("执法证暂扣", liNa.GetProperty("problems")[0].GetString());
            Assert.True(Assert.Single(qualifications, q => q.GetProperty("name").GetString() == "张伟").GetProperty("qualifiedThroughout").GetBoolean());
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Set<Zhifa.Domain.Officers.Certificate>().SingleAsync(x => x.Id == certificateId)).State = Zhifa.Domain.Officers.CertificateState.Active;
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_deputy_head_extends_the_limit_once_by_five_working_days_and_overdue_reviews_are_listed()
    {
        var (handler, reviewer, caseId, evidence) = await MajorCaseAsync();
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        var before = DateOnly.Parse((await ViewAsync(handler, caseId)).GetProperty("due").GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(reviewer, caseId, "extension", new { text = "复杂" })).StatusCode);
        var deputy = await app.ApiClientAsync("deputy");
        var (_, fields, _) = await (await PostAsync(deputy, caseId, "extension", new { text = "" })).ReadProblemAsync();
        Assert.Equal(["text"], fields);
        await ExpectAsync(await PostAsync(deputy, caseId, "extension", new { text = "涉及多个法律关系，需专家论证" }), HttpStatusCode.OK);
        var due = (await ViewAsync(handler, caseId)).GetProperty("due");
        Assert.True(due.GetProperty("extended").GetBoolean());
        var after = DateOnly.Parse(due.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(after.DayNumber - before.DayNumber, 7, 30);
        Assert.Contains("已延长过一次", await (await PostAsync(deputy, caseId, "extension", new { text = "再延" })).Content.ReadAsStringAsync());

        // Materials complete a month ago: even extended, the review is overdue.
        await app.WithDbAsync(async db =>
        {
            var s = await db.Set<ReviewSubmission>().SingleAsync(x => x.CaseId == caseId);
            s.SubmittedAt = DateTime.UtcNow.AddDays(-30);
            await db.SaveChangesAsync();
        });
        var desk = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/legal-review/desk");
        Assert.Contains(desk.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("caseId").GetInt32() == caseId);
        Assert.True((await ViewAsync(handler, caseId)).GetProperty("due").GetProperty("overdue").GetBoolean());
        var page = await (await (await app.SignInAsync("reviewer")).GetAsync("/legal-review")).Content.ReadAsStringAsync();
        Assert.Contains("已超期", page);
    }

    [Fact]
    public async Task The_legal_review_form_is_generated_with_the_fields_of_the_appendix_and_filed_with_the_case_documents()
    {
        var (handler, reviewer, caseId, evidence) = await MajorCaseAsync();
        var deputy = await app.ApiClientAsync("deputy");
        Assert.Contains("not_submitted", await (await handler.PostAsync($"/api/v1/cases/{caseId}/legal-review/form", null)).Content.ReadAsStringAsync());
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidence)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "consultations", new { kind = "LegalCounsel", consultants = "王律师", question = "是否应当吊销", advice = "可以吊销" }), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", NotYet), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(handler, caseId, "coordinations", new { participants = "法监股、公共卫生监督股", disagreement = "营业时间的认定", outcome = "以收款记录为准" }), HttpStatusCode.Forbidden);
        var unitHead = await app.ApiClientAsync("unithead");
        await ExpectAsync(await PostAsync(unitHead, caseId, "coordinations", new { participants = "法监股、公共卫生监督股", disagreement = "营业时间的认定", outcome = "以收款记录为准" }), HttpStatusCode.Created);
        await ApproveAsync(app, handler, reviewer, caseId, evidence, reply: "已补充收款记录。", extra: "收款记录");
        Assert.Contains("already_given", await (await PostAsync(deputy, caseId, "leader-opinion", new { agrees = true, text = "再签" })).Content.ReadAsStringAsync());

        var created = await handler.PostAsync($"/api/v1/cases/{caseId}/legal-review/form", null);
        await ExpectAsync(created, HttpStatusCode.Created);
        var doc = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("legal-review-form", doc.GetProperty("typeCode").GetString());
        var bytes = await handler.GetByteArrayAsync($"/api/v1/documents/{doc.GetProperty("id").GetInt32()}/file");
        var text = DocumentWord.ReadText(bytes);
        foreach (var expected in new[]
                 {
                     "承办股室（单位）：公共卫生监督股", "联系人：张伟", "电话：0735-5522110", "拟作出执法决定名称：对刘某未取得卫生许可证擅自营业拟作出的行政处罚决定",
                     "当事人未取得公共场所卫生许可证擅自营业三个月", "1. 现场笔录", "《公共场所卫生管理条例实施细则》第三十五条",
                     "建议按拟定意见作出处罚决定", "第1轮", "暂不同意", "营业时间的证据不足", "承办股室答复：已补充收款记录。", "第2轮", "同意",
                     "股室负责人签字：赵敏", "分管领导意见：同意。同意法制审核意见，提交集体讨论。", "签字：周涛", "咨询法律顾问王律师", "以收款记录为准",
                 })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("{{", text);
        var documents = await handler.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents");
        Assert.Contains(documents!, d => d.GetProperty("typeCode").GetString() == "legal-review-form");
    }

    [Fact]
    public async Task The_responsibility_report_names_who_submitted_reviewed_gave_the_leader_opinion_and_decided()
    {
        var (handler, reviewer, caseId, evidence) = await MajorCaseAsync();
        await ApproveAsync(app, handler, reviewer, caseId, evidence);
        await ExpectAsync(await WaiveDiscussAndIssueAsync(app, handler, caseId), HttpStatusCode.OK);

        var report = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal-review/responsibility");
        var entries = report.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("duty").GetString()!, e.GetProperty("person").GetString()!)).ToList();
        Assert.Contains(entries, e => e.Item1.StartsWith("送审", StringComparison.Ordinal) && e.Item2 == "张伟");
        Assert.Contains(entries, e => e.Item1.StartsWith("法制审核", StringComparison.Ordinal) && e.Item2 == "赵敏");
        Assert.Contains(entries, e => e.Item1 == "分管领导意见" && e.Item2 == "周涛");
        Assert.Contains(entries, e => e.Item1.StartsWith("作出决定", StringComparison.Ordinal) && e.Item2 == "李建国");

        var page = await (await (await app.SignInAsync("handler")).GetAsync($"/cases/{caseId}/legal-review/responsibility")).Content.ReadAsStringAsync();
        Assert.Contains("李建国", page);
        Assert.Contains("对审核意见负责", page);
    }

    [Fact]
    public async Task Someone_of_another_agency_sees_no_review_of_this_one()
    {
        var (_, _, caseId, _) = await MajorCaseAsync();
        var other = await app.ApiClientAsync("yj.handler");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{caseId}/legal-review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, caseId, "flags", new { criterion = "Complex", reason = "x" })).StatusCode);
        var desk = await other.GetFromJsonAsync<JsonElement>("/api/v1/legal-review/desk");
        Assert.DoesNotContain(desk.GetProperty("pending").EnumerateArray(), i => i.GetProperty("caseId").GetInt32() == caseId);
    }
}
