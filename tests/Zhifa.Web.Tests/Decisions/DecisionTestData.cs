using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>Brings penalty cases to the notice, statement and decision steps through the API, as the users would.</summary>
public static class DecisionTestData
{
    public static string ChinaNow(int addDays = 0) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(addDays), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
        .ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    public static async Task MoveAsync(HttpClient api, int caseId, params string[] steps)
    {
        foreach (var step in steps)
        {
            var mover = step == CaseSteps.Notice ? await ZhifaFactory.CaseReviewerOfAsync(api) : api;
            var r = await mover.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = step });
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"move to {step}: {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The party signs every 笔录 of the case still unsigned (陈述申辩笔录, 听证笔录 …), as it does before the decision (REC-3).</summary>
    public static async Task SignRecordsAsync(HttpClient api, int caseId)
    {
        foreach (var d in (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/documents")).EnumerateArray())
        {
            if (!Domain.Documents.DocumentTypes.PartySignedRecords.Contains(d.GetProperty("typeCode").GetString()) || d.GetProperty("signatureStatus").GetString() != "Unsigned") continue;
            var r = await api.PostAsJsonAsync($"/api/v1/documents/{d.GetProperty("id").GetInt32()}/signature", new { refused = false, signedBy = "李明", signedAt = DateTime.UtcNow.AddMinutes(-1) });
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"signature: {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The proposal the handlers saved; written directly, as the proposal's own page does through its service.</summary>
    public static Task ProposeAsync(ZhifaFactory app, int caseId, string kinds = "Warning,Fine", decimal? fine = 3000m, decimal? confiscation = null,
        DecisionOutcome outcome = DecisionOutcome.Penalty, bool reasons = true)
        => app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            var p = await db.Set<DecisionProposal>().FirstOrDefaultAsync(x => x.CaseId == caseId);
            if (p is null) db.Add(p = new DecisionProposal { CaseId = caseId, AgencyId = c.AgencyId });
            p.Outcome = outcome;
            p.PenaltyKinds = outcome == DecisionOutcome.Penalty ? kinds : "";
            p.FineYuan = outcome == DecisionOutcome.Penalty ? fine : null;
            p.ConfiscationYuan = confiscation;
            p.Content = outcome == DecisionOutcome.Penalty ? "警告，并处罚款。" : "不予行政处罚。";
            p.ViolatedProvisions = "《公共场所卫生管理条例》第八条";
            p.PenaltyBasis = outcome == DecisionOutcome.Penalty ? "《公共场所卫生管理条例》第十四条" : "";
            p.PenaltyNorms = outcome == DecisionOutcome.Penalty ? p.PenaltyBasis + "\t" : "";
            // A 不予处罚 rests on its ground and records the circumstance the law attaches to it.
            var ground = outcome switch
            {
                DecisionOutcome.FirstViolationNoPenalty => NoPenaltyGround.FirstViolation,
                DecisionOutcome.NoPenalty => NoPenaltyGround.MinorAndCorrected,
                _ => (NoPenaltyGround?)null,
            };
            p.NoPenaltyGround = ground;
            if (ground is { } g) p.Circumstances = NoPenaltyGrounds.Of(g).Circumstance.Text;
            p.EvidenceReason = reasons ? "现场笔录与询问笔录相互印证" : "";
            p.BasisReason = reasons ? "行为符合第十四条规定的情形" : "";
            p.DiscretionReason = reasons ? "初次违法，按一般情节处罚" : "";
            p.UpdatedAt = DateTime.UtcNow;
            p.UpdatedBy = "handler";
            await db.SaveChangesAsync();
        });

    public static async Task<JsonElement> OverviewAsync(HttpClient api, int caseId)
        => await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/decision");

    /// <summary>Makes the notice from the proposal and returns its id.</summary>
    public static async Task<int> NotifyAsync(HttpClient api, int caseId, bool otherHeavy = false)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notices", new { otherHeavyPenalty = otherHeavy });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"notice: {await r.Content.ReadAsStringAsync()}");
        var notices = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notices");
        return notices[notices.GetArrayLength() - 1].GetProperty("id").GetInt32();
    }

    public static async Task ServeAsync(HttpClient api, int caseId, int noticeId, string? at = null)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notices/{noticeId}/service", new { servedAt = at ?? ChinaNow(), serviceMethod = "直接送达" });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"service: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>Pretends the notice was made <paramref name="days"/> days ago, so that its service can lie in the past.</summary>
    public static Task BackdateNoticeAsync(ZhifaFactory app, int noticeId, int days)
        => app.WithDbAsync(async db =>
        {
            var n = await db.Set<Notice>().SingleAsync(x => x.Id == noticeId);
            n.CreatedAt = n.CreatedAt.AddDays(-days);
            await db.SaveChangesAsync();
        });

    public static async Task WaiveAsync(HttpClient api, int caseId, int noticeId)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notices/{noticeId}/waiver", new { waivedAt = ChinaNow(), note = "当事人递交书面声明，放弃陈述、申辩和听证的权利" });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"waiver: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>The latest notice of the case (the one the party's period runs from once served).</summary>
    public static async Task<int> LatestNoticeIdAsync(HttpClient api, int caseId)
    {
        var notices = (await OverviewAsync(api, caseId)).GetProperty("notices");
        return notices[notices.GetArrayLength() - 1].GetProperty("id").GetInt32();
    }

    /// <summary>The agency's accounts on the decision page: (user id, name, 负责人?, head?).</summary>
    public static async Task<List<(int Id, string Name, bool Leader, bool Head)>> StaffAsync(HttpClient api, int caseId)
        => (await OverviewAsync(api, caseId)).GetProperty("staff").EnumerateArray()
            .Select(s => (s.GetProperty("userId").GetInt32(), s.GetProperty("name").GetString()!, s.GetProperty("leader").GetBoolean(), s.GetProperty("head").GetBoolean())).ToList();

    /// <summary>
    /// A collective discussion of the agency's 负责人 (art. 57 (2)) as the discussion form records it: presided by the head,
    /// every 负责人 attending and agreeing, the legal reviewer 赵敏 sitting in.
    /// </summary>
    public static async Task<HttpResponseMessage> DiscussAsync(HttpClient api, int caseId)
    {
        var staff = await StaffAsync(api, caseId);
        var attendees = staff.Where(s => s.Leader).Select(s => new { userId = s.Id, opinion = "同意" })
            .Concat(staff.Where(s => s.Name == "赵敏").Select(s => new { userId = s.Id, opinion = "法制审核已同意" })).ToArray();
        return await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/discussions", new
        {
            reason = "重大执法决定", heldAt = ChinaNow(), place = "三楼会议室", conclusion = "同意按拟作出的决定处理",
            presiderUserId = staff.First(s => s.Head).Id, participants = attendees,
        });
    }

    /// <summary>The head (or <paramref name="signer"/>) signs and issues the decision on the decision API.</summary>
    public static async Task<HttpResponseMessage> IssueDecisionAsync(ZhifaFactory app, int caseId, string signer = "head")
        => await (await app.ApiClientAsync(signer)).PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "永兴县卫生健康局" });

    /// <summary>
    /// From 立案 to 决定 the way the law wants it: investigation, review, proposal, notice served, the party's written
    /// waiver, and the head's signature.
    /// </summary>
    public static async Task DecideAsync(ZhifaFactory app, HttpClient api, int caseId, string kinds = "Warning,Fine", decimal? fine = 3000m)
    {
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await ProposeAsync(app, caseId, kinds, fine);
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        await WaiveAsync(api, caseId, noticeId);
        var head = await app.ApiClientAsync("head");
        var r = await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/decision", new { place = "永兴县卫生健康局" });
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"decision: {await r.Content.ReadAsStringAsync()}");
    }
}
