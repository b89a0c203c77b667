using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>LAW-4, LAW-6, REC-4 through the API: notice, statement, hearing, discussion and the decision, each refusal naming why and changing nothing.</summary>
public sealed class DecisionApiTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(HttpClient Api, int CaseId)> AtNoticeAsync(string kinds = "Warning,Fine", decimal? fine = 3000m)
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await ProposeAsync(app, caseId, kinds, fine);
        return (api, caseId);
    }

    /// <summary>A case at 陈述申辩 whose notice was served <paramref name="servedDaysAgo"/> days ago.</summary>
    private async Task<(HttpClient Api, int CaseId, int NoticeId)> AtStatementAsync(int servedDaysAgo, string kinds = "Warning,Fine", decimal? fine = 3000m)
    {
        var (api, caseId) = await AtNoticeAsync(kinds, fine);
        int noticeId = await NotifyAsync(api, caseId);
        if (servedDaysAgo > 0) await BackdateNoticeAsync(app, noticeId, servedDaysAgo + 1);
        await ServeAsync(api, caseId, noticeId, ChinaNow(-servedDaysAgo));
        await MoveAsync(api, caseId, CaseSteps.Statement);
        return (api, caseId, noticeId);
    }

    private async Task<HttpResponseMessage> IssueAsync(int caseId, string signer = "head")
        => await (await app.ApiClientAsync(signer)).PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "永兴县卫生健康局" });

    /// <summary>
    /// A major case (LR-1) has the legal review agree and the heads discuss it collectively (art. 58, 57) before the
    /// head may sign; the evidence submitted is a site record of the case.
    /// </summary>
    private async Task ReviewAndDiscussAsync(HttpClient api, int caseId, int? hearingRecordId = null)
    {
        Assert.Contains("legal_review.not_passed", (await (await IssueAsync(caseId)).ReadProblemAsync()).Body);
        int evidence = (await DocumentTestData.GenerateSignedAsync(api, caseId, DocumentTestData.SiteRecordInput)).GetProperty("id").GetInt32();
        await LegalReview.LegalReviewTestData.ExpectAsync(await LegalReview.LegalReviewTestData.PostAsync(api, caseId, "submissions",
            LegalReview.LegalReviewTestData.Submission(evidence, hearingRecordId: hearingRecordId)), HttpStatusCode.Created);
        await LegalReview.LegalReviewTestData.ExpectAsync(await LegalReview.LegalReviewTestData.PostAsync(await app.ApiClientAsync("reviewer"), caseId, "opinions",
            LegalReview.LegalReviewTestData.Agree), HttpStatusCode.Created);
        await LegalReview.LegalReviewTestData.LeaderAgreesAsync(app, caseId);
        Assert.Contains("discussion.not_concluded", (await (await IssueAsync(caseId)).ReadProblemAsync()).Body);
        (await DiscussAsync(api, caseId)).EnsureSuccessStatusCode();
    }

    private Task<string> StepAsync(int caseId) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync());

    private Task<List<string>> DocumentTypesAsync(int caseId)
        => app.WithDbAsync(db => db.Set<CaseDocument>().Where(d => d.CaseId == caseId).OrderBy(d => d.Id).Select(d => d.TypeCode).ToListAsync());

    private async Task<string> DocumentTextAsync(HttpClient api, int documentId)
        => DocumentTestData.TextOf(await api.GetByteArrayAsync($"/api/v1/documents/{documentId}/file"));

    [Fact]
    public async Task The_case_reaches_the_statement_step_only_once_the_notice_was_made_and_served()
    {
        var (api, caseId) = await AtNoticeAsync();
        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Statement });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("notice.not_served", (await refused.ReadProblemAsync()).Body);

        int noticeId = await NotifyAsync(api, caseId);
        Assert.Contains("notice.not_served", await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Statement })).Content.ReadAsStringAsync());

        var future = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notices/{noticeId}/service", new { servedAt = ChinaNow(2), serviceMethod = "直接送达" });
        Assert.Equal(["servedAt"], (await future.ReadProblemAsync()).Fields);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));

        var o = await OverviewAsync(api, caseId);
        var notice = o.GetProperty("notices")[0];
        Assert.False(notice.GetProperty("hearingRight").GetBoolean());
        var text = await DocumentTextAsync(api, notice.GetProperty("documentId").GetInt32());
        Assert.Contains("行政处罚事先告知书", text);
        Assert.Contains("检查发现该场所未取得公共场所卫生许可证即营业", text); // the facts
        Assert.Contains("《公共场所卫生管理条例》第十四条", text);          // the basis
        Assert.Contains("罚款 3,000 元", text);                             // the proposed penalty
        Assert.Contains("初次违法", text);                                  // the reasons
        Assert.Contains("陈述和申辩", text);
        Assert.Contains("不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围", text);
        var deadline = Assert.Single(o.GetProperty("deadlines").EnumerateArray());
        Assert.True(deadline.GetProperty("workingDays").GetBoolean());
        Assert.Contains("五个工作日", deadline.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task No_decision_before_the_statement_period_ends_unless_the_party_waived_in_writing()
    {
        var (api, caseId, noticeId) = await AtStatementAsync(servedDaysAgo: 0);
        var refused = await IssueAsync(caseId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["notice"], fields);
        Assert.Contains("notice.period_not_over", body);
        Assert.Contains("五个工作日", body);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
        Assert.DoesNotContain("penalty-decision", await DocumentTypesAsync(caseId));

        await WaiveAsync(api, caseId, noticeId);
        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(caseId)).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task After_the_period_the_head_issues_a_numbered_decision_with_its_reasons_and_remedies_and_the_case_is_decided()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        Assert.Equal(HttpStatusCode.Forbidden, (await IssueAsync(caseId, "handler")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await IssueAsync(caseId, "deputy")).StatusCode);
        var issued = await IssueAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var decision = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");
        int year = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Assert.StartsWith($"永卫罚决〔{year}〕", decision.GetProperty("number").GetString());
        Assert.Equal("行政处罚决定书", decision.GetProperty("typeName").GetString());
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));

        var text = await DocumentTextAsync(api, decision.GetProperty("documentId").GetInt32());
        Assert.Contains("证据采信理由：现场笔录与询问笔录相互印证", text);
        Assert.Contains("依据选择理由：行为符合第十四条规定的情形", text);
        Assert.Contains("裁量理由：初次违法，按一般情节处罚", text);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
        Assert.Contains("六个月内依法向永兴县人民法院提起行政诉讼", text);

        var history = await app.WithDbAsync(db => db.CaseSteps.Where(h => h.CaseId == caseId && h.ToStep == CaseSteps.Decided).Select(h => h.By).ToListAsync());
        Assert.Equal(["head"], history);
        Assert.Contains("decision.already_issued", (await (await IssueAsync(caseId)).ReadProblemAsync()).Body);
    }

    [Fact]
    public async Task A_decision_missing_any_of_the_three_reasons_is_refused_naming_each()
    {
        var (_, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        await ProposeAsync(app, caseId, reasons: false);
        var (_, fields, _) = await (await IssueAsync(caseId)).ReadProblemAsync();
        Assert.Equal(["evidenceReason", "basisReason", "discretionReason"], fields);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_decision_heavier_than_the_notice_needs_a_new_notice_served()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        await ProposeAsync(app, caseId, "Warning,Fine,SuspendBusiness", 5000m);
        var refused = await IssueAsync(caseId);
        var (_, _, body) = await refused.ReadProblemAsync();
        Assert.Contains("decision.heavier_than_notice", body);
        Assert.Contains("罚款 5,000 元，高于告知的 3,000 元", body);
        Assert.Contains("责令停产停业", body);

        // The generic move is refused on the same ground, so nothing goes round the decision page.
        var move = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Decided });
        Assert.Contains("decision.heavier_than_notice", await move.Content.ReadAsStringAsync());

        int again = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, again);
        var o = await OverviewAsync(api, caseId);
        Assert.True(o.GetProperty("notices")[1].GetProperty("hearingRight").GetBoolean()); // 责令停产停业: art. 63
        await WaiveAsync(api, caseId, again);
        await ReviewAndDiscussAsync(api, caseId); // 责令停产停业 is a major decision
        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(caseId)).StatusCode);
    }

    [Fact]
    public async Task Issuing_is_one_act_a_refused_move_leaves_no_decision_document_and_no_number_used()
    {
        var (_, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        int agencyId = await app.AgencyIdAsync();
        int year = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Task<int> Counter() => app.WithDbAsync(db => db.NumberCounters.Where(n => n.AgencyId == agencyId && n.Kind == "罚决" && n.Year == year).Select(n => n.Last).SingleOrDefaultAsync());
        int before = await Counter();
        // One officer left the case: the move to 决定 fails after the document would have been numbered.
        await app.WithDbAsync(async db =>
        {
            db.CaseOfficers.Remove(await db.CaseOfficers.FirstAsync(o => o.CaseId == caseId && !o.IsLead));
            await db.SaveChangesAsync();
        });
        var refused = await IssueAsync(caseId);
        Assert.Contains("officers.too_few", (await refused.ReadProblemAsync()).Body);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
        Assert.DoesNotContain("penalty-decision", await DocumentTypesAsync(caseId));
        Assert.False(await app.WithDbAsync(db => db.Set<Decision>().AnyAsync(d => d.CaseId == caseId)));
        Assert.Equal(before, await Counter());
    }

    [Fact]
    public async Task The_decision_document_is_not_generated_on_its_own_nor_the_case_moved_to_decided_without_it()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        var doc = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents",
            new { typeCode = "penalty-decision", fields = new Dictionary<string, string> { ["法律依据"] = "x", ["决定内容"] = "y" } });
        Assert.Contains("decision.issue_only", (await doc.ReadProblemAsync()).Body);
        var move = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Decided });
        Assert.Contains("decision.not_issued", await move.Content.ReadAsStringAsync());
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_no_penalty_outcome_is_issued_as_a_no_penalty_decision_stating_the_remedies()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        await ProposeAsync(app, caseId, outcome: DecisionOutcome.FirstViolationNoPenalty);
        var issued = await IssueAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var decision = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");
        Assert.Equal("不予行政处罚决定书", decision.GetProperty("typeName").GetString());
        Assert.Contains("不罚〔", decision.GetProperty("number").GetString());
        var text = await DocumentTextAsync(api, decision.GetProperty("documentId").GetInt32());
        Assert.Contains("本机关决定：不予行政处罚", text);
        Assert.Contains("《中华人民共和国行政处罚法》第三十三条第一款", text);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
    }

    [Fact]
    public async Task Statements_are_recorded_oral_or_written_and_each_is_answered_before_the_decision()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        var missing = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/statements", new { form = "Oral", madeAt = ChinaNow() });
        Assert.Equal(["speaker", "content"], (await missing.ReadProblemAsync()).Fields);

        var oral = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/statements",
            new { form = "Oral", madeAt = ChinaNow(), speaker = "刘某", content = "已在办理许可，请求从轻处罚", place = "永兴县卫生健康局" });
        Assert.Equal(HttpStatusCode.OK, oral.StatusCode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Written"), "form" }, { new StringContent(ChinaNow()), "madeAt" },
            { new ByteArrayContent(DocumentTestData.Png), "file", "申辩书.png" },
        };
        var written = await api.PostAsync($"/api/v1/cases/{caseId}/statements", form);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var statements = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statements");
        Assert.Equal(2, statements.GetArrayLength());
        Assert.Contains("statement-record", await DocumentTypesAsync(caseId));
        int writtenId = statements[1].GetProperty("id").GetInt32();
        Assert.Equal(DocumentTestData.Png, await api.GetByteArrayAsync($"/api/v1/cases/{caseId}/statements/{writtenId}/file"));

        var (_, _, body) = await (await IssueAsync(caseId)).ReadProblemAsync();
        Assert.Contains("statement.not_answered", body);
        Assert.Contains("records.unsigned", body); // the oral statement's 笔录 waits for the party's signature
        await DecisionTestData.SignRecordsAsync(api, caseId);

        var noReason = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/statements/{writtenId}/answer", new { answer = "NotAdopted" });
        Assert.Equal(["reason"], (await noReason.ReadProblemAsync()).Fields);
        foreach (var s in statements.EnumerateArray())
            (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/statements/{s.GetProperty("id").GetInt32()}/answer",
                new { answer = "NotAdopted", reason = "许可尚未取得，违法事实清楚" })).EnsureSuccessStatusCode();
        var issued = await IssueAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var text = await DocumentTextAsync(api, (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetProperty("documentId").GetInt32());
        Assert.Contains("已在办理许可，请求从轻处罚", text);
        Assert.Contains("不予采纳，许可尚未取得", text);
    }

    [Fact]
    public async Task A_hearing_request_after_five_working_days_is_refused_with_the_last_day()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20, fine: 20000m);
        var late = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing", new { requestedOn = CaseTestData.Iso(CaseTestData.Today) });
        var (_, fields, body) = await late.ReadProblemAsync();
        Assert.Equal(["requestedOn"], fields);
        Assert.Contains("hearing.request_late", body);
        Assert.Contains("最后一日为", body);

        var (api2, small, _) = await AtStatementAsync(servedDaysAgo: 0);
        var noRight = await api2.PostAsJsonAsync($"/api/v1/cases/{small}/hearing", new { requestedOn = CaseTestData.Iso(CaseTestData.Today) });
        Assert.Contains("hearing.no_right", (await noRight.ReadProblemAsync()).Body);
    }

    [Fact]
    public async Task A_hearing_is_notified_seven_working_days_ahead_chaired_by_a_non_investigator_and_recorded_before_the_decision()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20, fine: 20000m);
        // The party asked in time, the day after service; the request is recorded now, dated then.
        var requestedOn = CaseTestData.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(-19), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing", new { requestedOn, note = "要求听证" })).EnsureSuccessStatusCode();
        Assert.Contains("hearing.not_held", (await (await IssueAsync(caseId)).ReadProblemAsync()).Body);

        int investigator = await app.OfficerIdAsync("张伟");
        int chair = await app.OfficerIdAsync("刘洋");
        var bad = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/schedule", new { chairOfficerId = investigator, scheduledAt = ChinaNow(3), place = "听证室" });
        Assert.Contains("hearing.chair_investigator", (await bad.ReadProblemAsync()).Body);

        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/schedule", new { chairOfficerId = chair, scheduledAt = ChinaNow(3), place = "听证室" })).EnsureSuccessStatusCode();
        Assert.Contains("hearing-notice", await DocumentTypesAsync(caseId));
        var tooLate = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/notice-service", new { servedAt = ChinaNow(), serviceMethod = "直接送达" });
        var (_, _, lateBody) = await tooLate.ReadProblemAsync();
        Assert.Contains("hearing.notice_too_late", lateBody);
        Assert.Contains("听证最早于", lateBody);

        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/schedule", new { chairOfficerId = chair, scheduledAt = ChinaNow(21), place = "听证室" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/notice-service", new { servedAt = ChinaNow(), serviceMethod = "直接送达" })).EnsureSuccessStatusCode();

        // The party asks that the chair step aside; while undecided, the hearing cannot be recorded.
        var recusal = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals", new { targetOfficerId = chair, reason = "与当事人有亲属关系", requestedAt = ChinaNow() });
        int recusalId = (await recusal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recusals")[0].GetProperty("id").GetInt32();
        // The hearing day has come: moved to yesterday, as if the three weeks had passed.
        await app.WithDbAsync(async db =>
        {
            var h = await db.Set<Hearing>().SingleAsync(x => x.CaseId == caseId);
            h.ScheduledAt = DateTime.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        });
        var held = new { heldAt = ChinaNow(), content = "调查人员陈述案件事实，当事人进行申辩和质证。" };
        Assert.Contains("recusal.pending", (await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/record", held)).ReadProblemAsync()).Body);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals/{recusalId}/decision", new { granted = true, reason = "属实" })).StatusCode);
        var head = await app.ApiClientAsync("head");
        (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals/{recusalId}/decision", new { granted = true, reason = "经核实属实" })).EnsureSuccessStatusCode();
        Assert.Contains("hearing.chair_recused", (await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/record", held)).ReadProblemAsync()).Body);

        // Another chair, rescheduled and notified again; the day comes.
        int other = await app.OfficerIdAsync("杨帆");
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/schedule", new { chairOfficerId = other, scheduledAt = ChinaNow(21), place = "听证室" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/notice-service", new { servedAt = ChinaNow(), serviceMethod = "直接送达" })).EnsureSuccessStatusCode();
        await app.WithDbAsync(async db =>
        {
            var h = await db.Set<Hearing>().SingleAsync(x => x.CaseId == caseId);
            h.ScheduledAt = DateTime.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        });
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/record", held)).EnsureSuccessStatusCode();
        var docs = await app.WithDbAsync(db => db.Set<CaseDocument>().Where(d => d.CaseId == caseId && d.TypeCode == "hearing-record").CountAsync());
        Assert.Equal(1, docs);

        // Decided after a hearing: a major decision (LR-1), submitted with its 听证笔录.
        int record = await app.WithDbAsync(db => db.Set<CaseDocument>().Where(d => d.CaseId == caseId && d.TypeCode == "hearing-record").Select(d => d.Id).SingleAsync());
        await DecisionTestData.SignRecordsAsync(api, caseId);
        await ReviewAndDiscussAsync(api, caseId, record);
        var issued = await IssueAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_hearing_request_no_longer_holds_the_decision_back()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20, kinds: "RevokeLicence", fine: null);
        var requestedOn = CaseTestData.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(-19), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing", new { requestedOn })).EnsureSuccessStatusCode();
        var twice = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing", new { requestedOn });
        Assert.Contains("hearing.already_requested", (await twice.ReadProblemAsync()).Body);
        Assert.Contains("hearing.not_held", (await (await IssueAsync(caseId)).ReadProblemAsync()).Body);

        var empty = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/withdrawal", new { note = "" });
        Assert.Equal(["note"], (await empty.ReadProblemAsync()).Fields);
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/hearing/withdrawal", new { note = "当事人书面撤回听证申请" })).EnsureSuccessStatusCode();
        var o = await OverviewAsync(api, caseId);
        Assert.Equal("Withdrawn", o.GetProperty("hearings")[0].GetProperty("status").GetString());
        await ReviewAndDiscussAsync(api, caseId); // 吊销许可证件 is a major decision
        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(caseId)).StatusCode);
    }

    [Fact]
    public async Task A_collective_discussion_of_the_leaders_keeps_the_presider_who_attended_and_who_sat_in_each_opinion_and_the_conclusion_as_minutes()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        var staff = await StaffAsync(api, caseId);
        int head = staff.First(s => s.Head).Id, deputy = staff.First(s => s.Name == "周涛").Id, reviewer = staff.First(s => s.Name == "赵敏").Id;
        var ok = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions", new
        {
            reason = "案情复杂", heldAt = ChinaNow(), place = "三楼会议室", conclusion = "同意给予警告并处罚款 3000 元", presiderUserId = head,
            participants = new[] { new { userId = reviewer, opinion = "法制审核意见为同意" }, new { userId = head, opinion = "意见1：同意" }, new { userId = deputy, opinion = "意见2：同意" } },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var d = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("discussions")[0];
        Assert.Equal("李建国", d.GetProperty("presiderName").GetString());
        Assert.Equal(2, d.GetProperty("quorum").GetInt32());
        var attendance = d.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("attendanceLabel").GetString())).ToList();
        Assert.Equal([("李建国", "出席"), ("周涛", "出席"), ("赵敏", "列席")], attendance);
        var text = await DocumentTextAsync(api, d.GetProperty("documentId").GetInt32());
        Assert.Contains("集体讨论记录", text);
        Assert.Contains("主持人：李建国（主要负责人）", text);
        Assert.Contains("出席人员（本机关负责人应到 2 人，实到 2 人，须至少 2 人出席）：李建国（主要负责人）、周涛（分管领导）", text);
        Assert.Contains("列席人员（不计入出席人数）：赵敏（法制审核人员）", text);
        Assert.Contains("周涛意见：意见2：同意", text);
        Assert.Contains("同意给予警告并处罚款 3000 元", text);
    }

    [Fact]
    public async Task A_discussion_of_staff_without_the_head_and_the_deputies_is_refused_naming_the_quorum_and_the_presider()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        var staff = await StaffAsync(api, caseId);
        // The publicity officer, the archivist, the unit head and the reviewer: four staff, no 负责人.
        var others = staff.Where(s => !s.Leader).Take(4).Select(s => new { userId = s.Id, opinion = "同意" }).ToArray();
        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions",
            new { reason = "案情复杂", heldAt = ChinaNow(), conclusion = "同意", presiderUserId = others[0].userId, participants = others });
        var (code, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("validation", code);
        Assert.Equal(["participants", "presiderUserId"], fields);
        Assert.Contains("discussion.quorum_not_met", body);
        Assert.Contains("现出席的负责人 0 人；列席人员 4 人不计入", body);
        Assert.Contains("discussion.presider_not_leader", body);
        Assert.False(await app.WithDbAsync(db => db.Set<CollectiveDiscussion>().AnyAsync(x => x.CaseId == caseId)));
    }

    [Fact]
    public async Task A_deputy_presides_only_by_the_heads_designation_and_the_quorum_counts_only_the_leaders()
    {
        var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
        var staff = await StaffAsync(api, caseId);
        int head = staff.First(s => s.Head).Id, deputy = staff.First(s => s.Name == "周涛").Id;
        var observers = staff.Where(s => !s.Leader).Select(s => new { userId = s.Id, opinion = "同意" });
        // The deputy and every other member of staff: one 负责人 attends, however many sit in.
        var one = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions", new
        {
            reason = "案情复杂", heldAt = ChinaNow(), conclusion = "同意", presiderUserId = deputy,
            participants = observers.Prepend(new { userId = deputy, opinion = "同意" }).ToArray(),
        });
        var (_, fields, body) = await one.ReadProblemAsync();
        Assert.Equal(["participants", "designation"], fields);
        Assert.Contains("现出席的负责人 1 人", body);
        Assert.Contains("discussion.presider_not_designated", body);

        var leaders = new[] { new { userId = deputy, opinion = "同意" }, new { userId = head, opinion = "同意" } };
        var undesignated = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions",
            new { reason = "案情复杂", heldAt = ChinaNow(), conclusion = "同意", presiderUserId = deputy, participants = leaders });
        Assert.Equal(["designation"], (await undesignated.ReadProblemAsync()).Fields);
        Assert.False(await app.WithDbAsync(db => db.Set<CollectiveDiscussion>().AnyAsync(x => x.CaseId == caseId)));

        var designated = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions", new
        {
            reason = "案情复杂", heldAt = ChinaNow(), conclusion = "同意", presiderUserId = deputy, designatedByUserId = head, designation = "主要负责人书面指定",
            participants = leaders,
        });
        Assert.Equal(HttpStatusCode.OK, designated.StatusCode);
        var d = (await designated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("discussions")[0];
        Assert.Equal(("周涛", "李建国", "主要负责人书面指定"), (d.GetProperty("presiderName").GetString(), d.GetProperty("designatedByName").GetString(), d.GetProperty("designation").GetString()));
        Assert.Contains("主持人：周涛（分管领导），经主要负责人李建国指定主持：主要负责人书面指定", await DocumentTextAsync(api, d.GetProperty("documentId").GetInt32()));
    }

    [Fact]
    public async Task The_agency_sets_how_many_leaders_must_attend_a_discussion()
    {
        int agencyId = await app.AgencyIdAsync();
        var admin = await app.ApiClientAsync("admin");
        var settings = new { largeFineCitizenYuan = 10000m, largeFineOrganisationYuan = 100000m, largeConfiscationCitizenYuan = 10000m, largeConfiscationOrganisationYuan = 100000m, deputyHeadMaySign = false };
        var one = await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", new { settings.largeFineCitizenYuan, settings.largeFineOrganisationYuan,
            settings.largeConfiscationCitizenYuan, settings.largeConfiscationOrganisationYuan, settings.deputyHeadMaySign, discussionQuorum = 1 });
        var (code, fields, _) = await one.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["discussionQuorum"], fields);
        try
        {
            var three = await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", new { settings.largeFineCitizenYuan, settings.largeFineOrganisationYuan,
                settings.largeConfiscationCitizenYuan, settings.largeConfiscationOrganisationYuan, settings.deputyHeadMaySign, discussionQuorum = 3 });
            Assert.Equal(3, (await three.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("discussionQuorum").GetInt32());
            var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
            Assert.Equal(3, (await OverviewAsync(api, caseId)).GetProperty("discussionQuorum").GetProperty("required").GetInt32());
            var refused = await DiscussAsync(api, caseId); // the head and the deputy: two of three
            Assert.Contains("须由本机关负责人（主要负责人、分管负责人）至少 3 人出席", (await refused.ReadProblemAsync()).Body);
        }
        finally
        {
            (await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", settings)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_agency_sets_the_large_amounts_of_article_63_and_whether_the_deputy_head_signs()
    {
        int agencyId = await app.AgencyIdAsync();
        var handler = await app.ApiClientAsync("handler");
        var body = new { largeFineCitizenYuan = 2000m, largeFineOrganisationYuan = 50000m, largeConfiscationCitizenYuan = 2000m, largeConfiscationOrganisationYuan = 50000m, deputyHeadMaySign = true };
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", body)).StatusCode);
        var admin = await app.ApiClientAsync("admin");
        var zero = await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", body with { largeFineCitizenYuan = 0m });
        Assert.Equal(["largeFineCitizenYuan"], (await zero.ReadProblemAsync()).Fields);
        try
        {
            (await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings", body)).EnsureSuccessStatusCode();
            var (api, caseId, _) = await AtStatementAsync(servedDaysAgo: 20);
            var notice = (await OverviewAsync(api, caseId)).GetProperty("notices")[0];
            Assert.True(notice.GetProperty("hearingRight").GetBoolean());
            Assert.Contains("2,000 元", notice.GetProperty("hearingReasons").GetString());
            Assert.Equal(HttpStatusCode.OK, (await IssueAsync(caseId, "deputy")).StatusCode);
        }
        finally
        {
            (await admin.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/decision-settings",
                new { largeFineCitizenYuan = 10000m, largeFineOrganisationYuan = 100000m, largeConfiscationCitizenYuan = 10000m, largeConfiscationOrganisationYuan = 100000m, deputyHeadMaySign = false })).EnsureSuccessStatusCode();
        }
    }
}
