using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Decisions;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.LegalReview;

/// <summary>Cases at the statement step with a proposal, and the bodies of submissions and opinions.</summary>
internal static class LegalReviewTestData
{
    public static async Task<HttpResponseMessage> MoveAsync(HttpClient api, int caseId, string to)
        => await (to == CaseSteps.Notice ? await ZhifaFactory.CaseReviewerOfAsync(api) : api)
            .PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = to, place = "永兴县卫生健康局", note = "" });

    /// <summary>
    /// A general-procedure penalty of 永兴县卫生健康局 against a natural person (or <paramref name="partyKind"/>) with the given
    /// proposal, whose 事先告知书 was made from that proposal and served, moved to 陈述申辩, with a site record as evidence.
    /// </summary>
    public static async Task<(int CaseId, int EvidenceId)> CaseAtStatementAsync(ZhifaFactory app, HttpClient handler, string kinds = "Warning", decimal? fine = null,
        string content = "警告", DiscretionTier? tier = DiscretionTier.Ordinary, string outsideRangeReason = "", string partyKind = "NaturalPerson")
    {
        var body = await app.PenaltyBodyAsync();
        if (partyKind != "NaturalPerson")
            body["parties"] = new[] { new Dictionary<string, object?> { ["kind"] = partyKind, ["name"] = "永兴县康宁诊所有限公司", ["creditCode"] = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4L" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture)), ["legalRepresentative"] = "李明" } };
        var c = await handler.OpenAsync(body);
        int caseId = c.GetProperty("id").GetInt32();
        foreach (var step in new[] { CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice })
            await ExpectAsync(await MoveAsync(handler, caseId, step), HttpStatusCode.OK);
        await ProposeAsync(app, caseId, kinds, fine, content, tier, outsideRangeReason);
        int noticeId = await DecisionTestData.NotifyAsync(handler, caseId);
        await DecisionTestData.ServeAsync(handler, caseId, noticeId);
        await ExpectAsync(await MoveAsync(handler, caseId, CaseSteps.Statement), HttpStatusCode.OK);
        var doc = await DocumentTestData.GenerateSignedAsync(handler, caseId, DocumentTestData.SiteRecordInput);
        return (caseId, doc.GetProperty("id").GetInt32());
    }

    /// <summary>
    /// The head issues the decision of a case at 陈述申辩: the party waived its period in writing, and a major case is
    /// discussed collectively first (art. 57) — the discussion itself refused while the gate is closed.
    /// </summary>
    public static async Task<HttpResponseMessage> WaiveDiscussAndIssueAsync(ZhifaFactory app, HttpClient handler, int caseId, bool discuss = true)
    {
        await DecisionTestData.WaiveAsync(handler, caseId, await DecisionTestData.LatestNoticeIdAsync(handler, caseId));
        if (discuss) await ExpectAsync(await DecisionTestData.DiscussAsync(handler, caseId), HttpStatusCode.OK);
        return await DecisionTestData.IssueDecisionAsync(app, caseId);
    }

    /// <summary>Sets the case's proposal as the proposal page would (the proposal area owns that page).</summary>
    public static Task ProposeAsync(ZhifaFactory app, int caseId, string kinds, decimal? fine = null, string content = "吊销公共场所卫生许可证，并处罚款。",
        DiscretionTier? tier = DiscretionTier.Ordinary, string outsideRangeReason = "")
        => app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            var p = await db.Set<DecisionProposal>().FirstOrDefaultAsync(x => x.CaseId == caseId);
            if (p is null) db.Set<DecisionProposal>().Add(p = new DecisionProposal { CaseId = caseId, AgencyId = c.AgencyId });
            p.Outcome = DecisionOutcome.Penalty;
            p.PenaltyKinds = kinds;
            p.FineYuan = fine;
            p.Content = content;
            p.ViolatedProvisions = "《公共场所卫生管理条例实施细则》第二十二条第二款";
            p.PenaltyBasis = "《公共场所卫生管理条例实施细则》第三十五条";
            p.Tier = tier;
            p.OutsideRangeReason = outsideRangeReason;
            p.EvidenceReason = "现场笔录与询问笔录相互印证";
            p.BasisReason = "行为符合细则第三十五条规定的情形";
            p.DiscretionReason = "违法时间较长，按一般档次裁量";
            p.UpdatedAt = DateTime.UtcNow;
            p.UpdatedBy = "handler";
            await db.SaveChangesAsync();
        });

    public static Dictionary<string, object?> Submission(int evidenceId, string? reply = null, string? extra = null, int? hearingRecordId = null) => new()
    {
        ["basicFacts"] = "当事人未取得公共场所卫生许可证擅自营业三个月。",
        ["lawApplied"] = "《公共场所卫生管理条例实施细则》第三十五条。",
        ["discretion"] = "违法时间较长，按一般档次裁量。",
        ["investigation"] = "现场检查并制作现场笔录，询问当事人。",
        ["hearingAndAppraisal"] = hearingRecordId is null ? "当事人未申请听证；未评估、鉴定。" : "已组织听证。",
        ["procedureFollowed"] = "已立案、调查、事先告知。",
        ["evidenceDocumentIds"] = new[] { evidenceId },
        ["hearingRecordDocumentId"] = hearingRecordId,
        ["reply"] = reply,
        ["extraMaterial"] = extra,
        ["unitOpinion"] = "建议按拟定意见作出处罚决定。",
        ["contactName"] = "张伟",
        ["contactPhone"] = "0735-5522110",
    };

    public static object[] Findings(string? problemItem = null, string note = "")
        => Enum.GetValues<ReviewItem>().Select(i => (object)new { item = i.ToString(), conforms = i.ToString() != problemItem, note = i.ToString() == problemItem ? note : "" }).ToArray();

    public static object Agree => new { outcome = "Agree", findings = Findings(), reasons = "", suggestions = "" };

    public static object NotYet => new
    {
        outcome = "NotYet", findings = Findings("FactsAndEvidence", "缺少营业时间的证据"), reasonCategories = new[] { "SupplementEvidence" },
        reasons = "营业时间的证据不足，须补充收款记录。", requestedMaterial = "收款记录",
    };

    public static async Task<JsonElement> ViewAsync(HttpClient api, int caseId)
        => await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal-review");

    public static async Task<HttpResponseMessage> PostAsync(HttpClient api, int caseId, string what, object body)
        => await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/legal-review/{what}", body);

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
        => Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>Submits, has `reviewer` agree and `deputy` sign 同意 on the 法制审核表: the case's gate opens.</summary>
    public static async Task ApproveAsync(ZhifaFactory app, HttpClient handler, HttpClient reviewer, int caseId, int evidenceId, string? reply = null, string? extra = null)
    {
        await ExpectAsync(await PostAsync(handler, caseId, "submissions", Submission(evidenceId, reply, extra)), HttpStatusCode.Created);
        await ExpectAsync(await PostAsync(reviewer, caseId, "opinions", Agree), HttpStatusCode.Created);
        await LeaderAgreesAsync(app, caseId);
    }

    /// <summary>The 分管领导 (`deputy`) signs 同意 on the latest round (LR-8).</summary>
    public static async Task LeaderAgreesAsync(ZhifaFactory app, int caseId)
        => await ExpectAsync(await PostAsync(await app.ApiClientAsync("deputy"), caseId, "leader-opinion", new { agrees = true, text = "同意法制审核意见，提交集体讨论。" }), HttpStatusCode.OK);
}
