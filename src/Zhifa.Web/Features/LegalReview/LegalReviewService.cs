using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Rules;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Records;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// Legal review of major decisions (LR-2 … LR-9): the catalogue, flags, submissions, review rounds, the time limit,
/// consultations, coordination, the 法制审核表 and the responsibility report. Shared by the pages and the API; callers
/// answer 404 for cases outside the user's scope before calling, and every refused input changes nothing.
/// </summary>
public sealed class LegalReviewService(AppDbContext db, CurrentUser me, ProposalService proposals, LegalReviewGateService gate,
    DocumentService documents, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] DecidedOrLater = [CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed, CaseSteps.Closed, CaseSteps.Archived];

    private DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    public async Task<Case?> FindVisibleCaseAsync(int caseId)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    // ---- who may do what ----

    private bool Own(Case c) => me.AgencyId == c.AgencyId;
    public bool MayFlag(Case c) => Own(c) && (me.IsInRole(Roles.Handler) || me.IsInRole(Roles.UnitHead) || me.IsInRole(Roles.Head));
    public bool MaySubmit(Case c) => Own(c) && (me.IsInRole(Roles.Handler) || me.IsInRole(Roles.UnitHead));
    public bool MayReview(Case c) => Own(c) && me.IsInRole(Roles.LegalReviewer);
    public bool MayLead(Case c) => Own(c) && me.IsInRole(Roles.DeputyHead);
    /// <summary>LR-8: the 分管领导 of the case's agency signs the leader's opinion; the head may sign it too.</summary>
    public bool MayGiveLeaderOpinion(Case c) => Own(c) && (me.IsInRole(Roles.DeputyHead) || me.IsInRole(Roles.Head));
    public bool MayCoordinate(Case c) => Own(c) && (me.IsInRole(Roles.LegalReviewer) || me.IsInRole(Roles.UnitHead) || me.IsInRole(Roles.DeputyHead) || me.IsInRole(Roles.Head));
    public bool MayGenerateForm(Case c) => Own(c) && (MaySubmit(c) || MayReview(c) || MayLead(c) || me.IsInRole(Roles.Head));

    private static void Forbidden(string message) => throw new ForbiddenException(message);

    // ---- catalogue (LR-2) ----

    public static CatalogueDto ToDto(MajorDecisionCatalogue x) => new(
        x.AgencyId, x.Id == 0, x.NaturalPersonFineYuan, x.OrganisationFineYuan, x.ConfiscationYuan,
        x.Kinds.Select(k => new CodeLabel(k.ToString(), SimpleProcedure.Label(k))).ToList(), x.AfterHearing, x.MitigatedOrOutsideRange,
        x.AllGeneralProcedurePenalties, x.Notes,
        Enum.GetValues<JudgementCriterion>().Select(c => new CodeLabel(c.ToString(), MajorDecisionCatalogue.Label(c))).ToList(),
        x.Id == 0 ? null : x.UpdatedAt, x.UpdatedBy);

    public async Task<string?> AgencyNameAsync(int agencyId)
        => await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync();

    public async Task<CatalogueDto> CatalogueAsync(int agencyId) => ToDto(await gate.CatalogueAsync(agencyId));

    public async Task<CatalogueDto> SaveCatalogueAsync(int agencyId, CatalogueInput input)
    {
        MajorDecisionCatalogue.Validate(input.NaturalPersonFineYuan, input.OrganisationFineYuan, input.ConfiscationYuan, input.MajorKinds ?? [], input.Notes, out var kinds)
            .ThrowIfAny();
        var row = await db.Set<MajorDecisionCatalogue>().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        if (row is null) db.Set<MajorDecisionCatalogue>().Add(row = new MajorDecisionCatalogue { AgencyId = agencyId });
        row.NaturalPersonFineYuan = input.NaturalPersonFineYuan;
        row.OrganisationFineYuan = input.OrganisationFineYuan;
        row.ConfiscationYuan = input.ConfiscationYuan;
        row.MajorKinds = string.Join(',', kinds);
        row.AfterHearing = input.AfterHearing;
        row.MitigatedOrOutsideRange = input.MitigatedOrOutsideRange;
        row.AllGeneralProcedurePenalties = input.AllGeneralProcedurePenalties;
        row.Notes = input.Notes?.Trim() ?? "";
        row.UpdatedAt = db.UtcNow;
        row.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return ToDto(row);
    }

    // ---- flags ----

    public async Task<ReviewFlag> FlagAsync(Case c, FlagInput input)
    {
        if (!MayFlag(c)) Forbidden("只有本机关的承办人、股室负责人或主要负责人可以标记重大执法决定");
        var errors = new ValidationErrors();
        var criterion = MajorDecisionCatalogue.ParseCriterion(input.Criterion);
        if (criterion is null) errors.Add("criterion", "required", "请选择属于重大执法决定的情形");
        errors.Required("reason", input.Reason, "标记理由").MaxLength("reason", input.Reason, 2000, "标记理由");
        errors.ThrowIfAny();
        var flag = new ReviewFlag
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Criterion = criterion!.Value, Reason = input.Reason!.Trim(),
            FlaggedAt = db.UtcNow, FlaggedBy = me.UserName, FlaggedByName = me.DisplayName,
        };
        db.Set<ReviewFlag>().Add(flag);
        await db.SaveChangesAsync();
        return flag;
    }

    // ---- submission (LR-3) ----

    private async Task<List<ReviewSubmission>> SubmissionsAsync(int caseId)
        => await db.Set<ReviewSubmission>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Round).ToListAsync();

    private async Task<Dictionary<int, ReviewOpinion>> OpinionsAsync(int caseId)
        => await db.Set<ReviewOpinion>().AsNoTracking().Where(o => o.CaseId == caseId).ToDictionaryAsync(o => o.SubmissionId);

    /// <summary>What the previous round asked of the next submission: material to add and whether an opinion is to be answered.</summary>
    private static (string Requested, bool AnswersOpinion) Asked(ReviewSubmission? last, ReviewOpinion? opinion)
        => last is null ? ("", false) : (last.RequestedMaterial, opinion is not null && opinion.Outcome != ReviewOutcome.Agree);

    public async Task<ReviewSubmission> SubmitAsync(Case c, SubmissionInput input)
    {
        if (!MaySubmit(c)) Forbidden("只有本机关的承办人或股室负责人可以送法制审核");
        if (DecidedOrLater.Contains(c.Step)) throw new DomainValidationException("case", "already_decided", "案件已作出决定，不能再送法制审核");
        var reasons = await gate.ReasonsAsync(c);
        if (reasons.Count == 0)
            throw new DomainValidationException("case", "not_major", "本案不属于本机关目录中的重大执法决定，无需法制审核；确需审核的，请先标记属于重大执法决定的情形");
        var all = await SubmissionsAsync(c.Id);
        var opinions = await OpinionsAsync(c.Id);
        var last = all.LastOrDefault();
        ReviewOpinion? lastOpinion = last is not null && opinions.TryGetValue(last.Id, out var lo) ? lo : null;
        if (last is { Status: SubmissionStatus.Submitted })
            throw new DomainValidationException("case", "pending", $"第{last.Round}次送审尚在审核中，不能重复送审");
        var proposal = await proposals.GetAsync(c.Id);
        // A round the 分管领导 did not agree to is submitted again, even with the proposal unchanged.
        if (lastOpinion is { Outcome: ReviewOutcome.Agree } && lastOpinion.LeaderAgrees != false && proposal?.Fingerprint() == lastOpinion.ProposalFingerprint)
            throw new DomainValidationException("case", "already_agreed", "法制审核已同意本案拟作出的决定，且决定未作变更，无需重新送审");

        var docs = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => new { d.Id, d.TypeCode }).ToListAsync();
        var recs = await db.Set<Record>().AsNoTracking().Where(r => r.CaseId == c.Id).Select(r => r.Id).ToListAsync();
        var errors = new ValidationErrors();
        var docIds = (input.EvidenceDocumentIds ?? []).Distinct().ToList();
        var recIds = (input.EvidenceRecordIds ?? []).Distinct().ToList();
        foreach (var id in docIds.Where(id => docs.All(d => d.Id != id))) errors.Add("evidenceDocumentIds", "not_in_case", $"文书 {id} 不是本案的文书");
        foreach (var id in recIds.Where(id => !recs.Contains(id))) errors.Add("evidenceRecordIds", "not_in_case", $"音像记录 {id} 不是本案的记录");
        if (input.HearingRecordDocumentId is { } h && !docs.Any(d => d.Id == h && d.TypeCode == LegalReviewGateService.HearingRecordType))
            errors.Add("hearingRecordDocumentId", "not_in_case", "所选听证笔录不是本案的听证笔录");
        if (input.AppraisalDocumentId is { } ad && docs.All(d => d.Id != ad)) errors.Add("appraisal", "not_in_case", "所选评估、鉴定报告不是本案的文书");
        if (input.AppraisalRecordId is { } ar && !recs.Contains(ar)) errors.Add("appraisal", "not_in_case", "所选评估、鉴定报告不是本案的记录");
        // REC-3: the evidence goes to review only once every 笔录 is signed or its refusal noted.
        if (await documents.UnsignedRecordsAsync(c.Id) is { Count: > 0 } unsigned)
            errors.Add("records", "records.unsigned", Messages.Get("records.unsigned", string.Join("、", unsigned)));
        var (requested, answers) = Asked(last, lastOpinion);
        bool heard = docs.Any(d => d.TypeCode == LegalReviewGateService.HearingRecordType);
        errors.AddRange(ReviewRules.Missing(new SubmissionMaterials(
            input.BasicFacts, input.LawApplied, input.Discretion, input.Investigation, input.HearingAndAppraisal, input.ProcedureFollowed,
            proposal is not null && proposal.Content.Trim().Length > 0, proposal is not null && proposal.LegalBasis.Trim().Length > 0,
            docIds.Count + recIds.Count, heard, input.HearingRecordDocumentId is not null,
            input.AppraisalDone, input.AppraisalDocumentId is not null || input.AppraisalRecordId is not null,
            requested, input.ExtraMaterial, answers, input.Reply, input.UnitOpinion, input.ContactName, input.ContactPhone)).Items);
        foreach (var (field, value, label) in new[]
                 {
                     ("basicFacts", input.BasicFacts, "基本事实情况"), ("lawApplied", input.LawApplied, "适用法律情况"), ("discretion", input.Discretion, "裁量情况"),
                     ("investigation", input.Investigation, "调查取证情况"), ("hearingAndAppraisal", input.HearingAndAppraisal, "听证评估鉴定情况"),
                     ("procedureFollowed", input.ProcedureFollowed, "执行法定程序情况"), ("otherMatters", input.OtherMatters, "其他情况"),
                     ("extraMaterial", input.ExtraMaterial, "补充材料"), ("reply", input.Reply, "答复"), ("unitOpinion", input.UnitOpinion, "承办股室意见"),
                 })
            errors.MaxLength(field, value, 4000, label);
        errors.MaxLength("contactName", input.ContactName, 100, "联系人").MaxLength("contactPhone", input.ContactPhone, 100, "联系电话");
        errors.ThrowIfAny();

        // 承办股室: the case's unit, else the unit the matter belongs to.
        var unitId = c.UnitId ?? await db.Matters.AsNoTracking().Where(m => m.Id == c.MatterId).Select(m => m.ResponsibleUnitId).FirstOrDefaultAsync();
        var unit = unitId is { } uid ? await db.Units.AsNoTracking().Where(u => u.Id == uid).Select(u => u.Name).FirstOrDefaultAsync() : null;
        var s = new ReviewSubmission
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Round = (last?.Round ?? 0) + 1, Status = SubmissionStatus.Submitted,
            UnitName = unit ?? "", ContactName = input.ContactName!.Trim(), ContactPhone = input.ContactPhone!.Trim(),
            BasicFacts = input.BasicFacts!.Trim(), LawApplied = input.LawApplied!.Trim(), Discretion = input.Discretion!.Trim(),
            Investigation = input.Investigation!.Trim(), HearingAndAppraisal = input.HearingAndAppraisal!.Trim(),
            ProcedureFollowed = input.ProcedureFollowed!.Trim(), OtherMatters = input.OtherMatters?.Trim() ?? "",
            ProposalSnapshot = Snapshot(proposal!), ProposalFingerprint = proposal!.Fingerprint(),
            EvidenceDocumentIds = string.Join(',', docIds), EvidenceRecordIds = string.Join(',', recIds),
            HearingRecordDocumentId = input.HearingRecordDocumentId, AppraisalDone = input.AppraisalDone,
            AppraisalDocumentId = input.AppraisalDocumentId, AppraisalRecordId = input.AppraisalRecordId,
            ExtraMaterial = input.ExtraMaterial?.Trim() ?? "", Reply = input.Reply?.Trim() ?? "", UnitOpinion = input.UnitOpinion!.Trim(),
            SubmittedAt = db.UtcNow, SubmittedBy = me.UserName, SubmittedByName = me.DisplayName,
        };
        db.Set<ReviewSubmission>().Add(s);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (case, round) index refused a second submission racing for the same round.
            db.ChangeTracker.Clear();
            throw new DomainValidationException("case", "pending", "另一份送审材料刚刚提交，请刷新后查看");
        }
        return s;
    }

    /// <summary>The draft decision as the reviewer saw it; kept in the submission because the proposal changes in place.</summary>
    private static string Snapshot(DecisionProposal p) => JsonSerializer.Serialize(new
    {
        outcome = p.Outcome.ToString(), penaltyKinds = p.Kinds.Select(k => k.ToString()).ToList(), fineYuan = p.FineYuan, confiscationYuan = p.ConfiscationYuan,
        content = p.Content, legalBasis = p.LegalBasis, tier = p.Tier?.ToString(), outsideRangeReason = p.OutsideRangeReason,
        evidenceReason = p.EvidenceReason, basisReason = p.BasisReason, discretionReason = p.DiscretionReason, fingerprint = p.Fingerprint(),
    }, Json);

    private async Task<ReviewSubmission> PendingAsync(Case c)
    {
        var s = await db.Set<ReviewSubmission>().Where(x => x.CaseId == c.Id).OrderByDescending(x => x.Round).FirstOrDefaultAsync();
        if (s is not { Status: SubmissionStatus.Submitted })
            throw new DomainValidationException("case", "nothing_pending", "本案没有待审核的送审材料");
        return s;
    }

    public async Task ReturnAsync(Case c, ReturnInput input)
    {
        if (!MayReview(c)) Forbidden("只有本机关的法制审核人员可以退回送审材料");
        var s = await PendingAsync(c);
        new ValidationErrors().Required("reason", input.Reason, "退回理由").MaxLength("reason", input.Reason, 4000, "退回理由")
            .MaxLength("requestedMaterial", input.RequestedMaterial, 4000, "需补充的材料").ThrowIfAny();
        s.Status = SubmissionStatus.Returned;
        s.ReturnedAt = db.UtcNow;
        s.ReturnedBy = me.UserName;
        s.ReturnedByName = me.DisplayName;
        s.ReturnReason = input.Reason!.Trim();
        s.RequestedMaterial = input.RequestedMaterial?.Trim() ?? "";
        await db.SaveChangesAsync();
    }

    // ---- review (LR-4, LR-6, LR-7) ----

    private async Task<int?> MyOfficerIdAsync()
        => me.UserId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OfficerId).FirstOrDefaultAsync() : null;

    public async Task<ReviewOpinion> ReviewAsync(Case c, OpinionInput input)
    {
        if (!MayReview(c)) Forbidden("只有本机关的法制审核人员可以出具审核意见");
        var s = await PendingAsync(c);
        var officerId = await MyOfficerIdAsync();
        if (officerId is { } oid && await db.CaseOfficers.AnyAsync(o => o.CaseId == c.Id && o.OfficerId == oid))
            throw new DomainValidationException("reviewer", "handles_case", "承办本案的执法人员不能审核本案");
        bool qualified = officerId is { } q && await db.Officers.AnyAsync(o => o.Id == q && o.HasLegalQualification);
        int before = await db.Set<ReviewOpinion>().CountAsync(o => o.ReviewedBy == me.UserName);
        if (ReviewRules.FirstReviewRefusal(qualified, before) is { } refusal) throw new DomainValidationException("reviewer", "first_review_unqualified", refusal);

        var errors = new ValidationErrors();
        var outcome = ReviewRules.Parse<ReviewOutcome>(input.Outcome, ReviewRules.Label);
        if (outcome is null && !string.IsNullOrWhiteSpace(input.Outcome)) errors.Add("outcome", "invalid", "审核意见只能是同意、暂不同意或不同意");
        var findings = new List<ReviewFinding>();
        foreach (var f in input.Findings ?? [])
        {
            var item = ReviewRules.Parse<ReviewItem>(f.Item, ReviewRules.Label);
            if (item is null) errors.Add("findings", "invalid", $"审核事项“{f.Item}”无效");
            else if (findings.All(x => x.Item != item)) findings.Add(new ReviewFinding(item.Value, f.Conforms, f.Note?.Trim() ?? ""));
        }
        var categories = new List<ReviewReasonCategory>();
        foreach (var text in input.ReasonCategories ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (ReviewRules.Parse<ReviewReasonCategory>(text, ReviewRules.Label) is { } cat) { if (!categories.Contains(cat)) categories.Add(cat); }
            else errors.Add("reasonCategories", "invalid", $"理由类别“{text}”无效");
        }
        errors.AddRange(ReviewRules.ValidateOpinion(outcome, findings, categories, input.Reasons).Items);
        errors.MaxLength("suggestions", input.Suggestions, 4000, "审核建议").MaxLength("requestedMaterial", input.RequestedMaterial, 4000, "需补充的材料");
        errors.ThrowIfAny();

        var opinion = new ReviewOpinion
        {
            SubmissionId = s.Id, CaseId = c.Id, AgencyId = c.AgencyId, Outcome = outcome!.Value,
            Findings = JsonSerializer.Serialize(findings.OrderBy(f => f.Item).Select(f => new { item = f.Item.ToString(), conforms = f.Conforms, note = f.Note }), Json),
            ReasonCategories = string.Join(',', categories), Reasons = input.Reasons?.Trim() ?? "", Suggestions = input.Suggestions?.Trim() ?? "",
            ProposalFingerprint = s.ProposalFingerprint, ReviewedAt = db.UtcNow, ReviewedBy = me.UserName, ReviewedByName = me.DisplayName,
        };
        s.Status = SubmissionStatus.Reviewed;
        s.RequestedMaterial = outcome == ReviewOutcome.Agree ? "" : input.RequestedMaterial?.Trim() ?? "";
        db.Set<ReviewOpinion>().Add(opinion);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique submission index refused a second opinion on the same round.
            db.ChangeTracker.Clear();
            throw new DomainValidationException("outcome", "already_reviewed", "本轮已出具审核意见，请刷新后查看");
        }
        // Seed 000 art. 10: every written opinion goes into the case file, so the form is filed as it stands now; an
        // agreed round whose chain has the 分管领导's opinion is filed once the leader signed (LR-8).
        if (ReviewRules.FormRefusal(await gate.LeaderOpinionRequiredAsync(c.AgencyId), opinion.Outcome, leaderGiven: false) is null)
            await FileFormAsync(c);
        return opinion;
    }

    public async Task ExtendAsync(Case c, TextInput input)
    {
        if (!MayLead(c)) Forbidden("延长审核期限须经分管领导批准");
        var s = await PendingAsync(c);
        var errors = new ValidationErrors().Required("text", input.Text, "延长理由").MaxLength("text", input.Text, 4000, "延长理由");
        if (await gate.DueAsync(s) is { } due && ReviewRules.ExtensionRefusal(s.Extended, Today, due) is { } refusal)
            errors.Add("text", s.Extended ? "already_extended" : "limit_passed", refusal);
        errors.ThrowIfAny();
        s.ExtensionReason = input.Text!.Trim();
        s.ExtensionApprovedAt = db.UtcNow;
        s.ExtensionApprovedBy = me.UserName;
        s.ExtensionApprovedByName = me.DisplayName;
        await db.SaveChangesAsync();
    }

    /// <summary>LR-8: the 分管领导 (or the head) of the case's agency signs 同意 or 不同意 on the latest answered round; the 法制审核表 is filed with it.</summary>
    public async Task LeaderOpinionAsync(Case c, LeaderOpinionInput input)
    {
        if (!MayGiveLeaderOpinion(c)) Forbidden("只有本机关的分管领导或主要负责人可以签署分管领导意见");
        var last = await db.Set<ReviewSubmission>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderByDescending(x => x.Round).FirstOrDefaultAsync();
        var opinion = last is null ? null : await db.Set<ReviewOpinion>().FirstOrDefaultAsync(o => o.SubmissionId == last.Id);
        ReviewRules.ValidateLeaderOpinion(opinion is not null, opinion?.LeaderAt is not null, input.Agrees, input.Text).ThrowIfAny();
        opinion!.LeaderAgrees = input.Agrees!.Value;
        opinion.LeaderOpinion = input.Text!.Trim();
        opinion.LeaderAt = db.UtcNow;
        opinion.LeaderBy = me.UserName;
        opinion.LeaderByName = me.DisplayName;
        await db.SaveChangesAsync();
        await FileFormAsync(c);
    }

    public async Task<ReviewConsultation> ConsultAsync(Case c, ConsultationInput input)
    {
        if (!MayReview(c)) Forbidden("只有本机关的法制审核人员可以登记论证咨询");
        var errors = new ValidationErrors();
        var kind = ReviewRules.Parse<ConsultantKind>(input.Kind, ReviewRules.Label);
        if (kind is null) errors.Add("kind", "required", "请选择咨询对象类别（法律顾问、公职律师或专家）");
        errors.Required("consultants", input.Consultants, "咨询对象").MaxLength("consultants", input.Consultants, 200, "咨询对象")
            .Required("question", input.Question, "咨询事项").MaxLength("question", input.Question, 4000, "咨询事项")
            .Required("advice", input.Advice, "论证意见").MaxLength("advice", input.Advice, 4000, "论证意见").ThrowIfAny();
        var x = new ReviewConsultation
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Kind = kind!.Value, Consultants = input.Consultants!.Trim(), Question = input.Question!.Trim(),
            Advice = input.Advice!.Trim(), At = db.UtcNow, RecordedBy = me.UserName, RecordedByName = me.DisplayName,
        };
        db.Set<ReviewConsultation>().Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    public async Task<ReviewCoordination> CoordinateAsync(Case c, CoordinationInput input)
    {
        if (!MayCoordinate(c)) Forbidden("只有法制审核人员、股室负责人、分管领导或主要负责人可以登记协调");
        if (!await db.Set<ReviewSubmission>().AnyAsync(s => s.CaseId == c.Id))
            throw new DomainValidationException("case", "not_submitted", "本案尚未送法制审核，无需协调");
        new ValidationErrors().Required("participants", input.Participants, "参加协调人员").MaxLength("participants", input.Participants, 500, "参加协调人员")
            .Required("disagreement", input.Disagreement, "意见分歧").MaxLength("disagreement", input.Disagreement, 4000, "意见分歧")
            .Required("outcome", input.Outcome, "协调结果").MaxLength("outcome", input.Outcome, 4000, "协调结果").ThrowIfAny();
        var x = new ReviewCoordination
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Participants = input.Participants!.Trim(), Disagreement = input.Disagreement!.Trim(),
            Outcome = input.Outcome!.Trim(), At = db.UtcNow, RecordedBy = me.UserName, RecordedByName = me.DisplayName,
        };
        db.Set<ReviewCoordination>().Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    // ---- reading ----

    private async Task<DueDto?> DueDtoAsync(ReviewSubmission s)
    {
        if (s.Status != SubmissionStatus.Submitted && s.Status != SubmissionStatus.Reviewed) return null;
        if (await gate.DueAsync(s) is not { } due) return null;
        bool overdue = s.Status == SubmissionStatus.Submitted && Today > due;
        return new DueDto(due, s.Extended, overdue, ReviewRules.DueBasis);
    }

    private static List<FindingDto> ReadFindings(string json)
    {
        var list = new List<FindingDto>();
        using var doc = JsonDocument.Parse(json);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var code = e.GetProperty("item").GetString() ?? "";
            var label = Enum.TryParse<ReviewItem>(code, out var item) ? ReviewRules.Label(item) : code;
            list.Add(new FindingDto(code, label, e.GetProperty("conforms").GetBoolean(), e.GetProperty("note").GetString() ?? ""));
        }
        return list;
    }

    private static OpinionDto ToDto(ReviewOpinion o) => new(
        o.Id, o.Outcome.ToString(), ReviewRules.Label(o.Outcome), ReadFindings(o.Findings),
        o.Categories.Select(x => new CodeLabel(x.ToString(), ReviewRules.Label(x))).ToList(), o.Reasons, o.Suggestions, o.ReviewedAt, o.ReviewedByName,
        o.LeaderOpinion, o.LeaderAt, o.LeaderByName, o.LeaderAgrees, o.LeaderAgrees is { } a ? ReviewRules.LeaderLabel(a) : "");

    private async Task<List<MaterialDto>> AvailableMaterialsAsync(int caseId)
    {
        var docs = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.TypeCode, d.Number, d.GeneratedAt }).ToListAsync();
        var recs = await db.Set<Record>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Kind, r.FileName, r.Proves }).ToListAsync();
        return docs.Select(d => new MaterialDto("document", d.Id, $"{DocumentService.TypeName(d.TypeCode)}{(d.Number.Length > 0 ? " " + d.Number : "")}（{Display.Date(d.GeneratedAt)}）"))
            .Concat(recs.Select(r => new MaterialDto("record", r.Id, $"{RecordRules.Label(r.Kind)} {r.FileName}{(r.Proves.Length > 0 ? "（证明" + r.Proves + "）" : "")}")))
            .ToList();
    }

    private static List<MaterialDto> MaterialsOf(ReviewSubmission s, List<MaterialDto> available)
    {
        var docIds = ReviewSubmission.ParseIds(s.EvidenceDocumentIds).ToList();
        if (s.HearingRecordDocumentId is { } h && !docIds.Contains(h)) docIds.Add(h);
        if (s.AppraisalDocumentId is { } a && !docIds.Contains(a)) docIds.Add(a);
        var recIds = ReviewSubmission.ParseIds(s.EvidenceRecordIds).ToList();
        if (s.AppraisalRecordId is { } r && !recIds.Contains(r)) recIds.Add(r);
        return available.Where(m => (m.Kind == "document" && docIds.Contains(m.Id)) || (m.Kind == "record" && recIds.Contains(m.Id))).ToList();
    }

    /// <summary>LR-4: each handling officer's certificate on every day the case was acted on, from filing to today.</summary>
    private async Task<List<QualificationDto>> QualificationsAsync(Case c)
    {
        var days = (await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == c.Id).Select(h => h.At).ToListAsync())
            .Select(CaseService.ChinaDay).Append(CaseService.ChinaDay(c.OpenedAt)).Append(Today).Distinct().Order().ToList();
        var ids = await db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == c.Id).OrderByDescending(o => o.IsLead).ThenBy(o => o.Id).Select(o => o.OfficerId).ToListAsync();
        var officers = await db.Officers.AsNoTracking().Include(o => o.Certificates).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        return ids.Select(id =>
        {
            var o = officers[id];
            var problems = days.Where(d => !o.IsQualifiedOn(d)).Select(d =>
            {
                var status = o.Certificates.Count == 0 ? "无执法证" : Certificate.Label(StaffingMetrics.OfficerStatus(o, d));
                return $"{d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}：执法证{status}";
            }).ToList();
            return new QualificationDto(o.Id, o.Name, problems.Count == 0, problems);
        }).ToList();
    }

    private static string StatusLabel(LegalReviewGate g, ReviewSubmission? last, ReviewOpinion? opinion, string? proposalFingerprint)
    {
        if (!g.Required) return "无需法制审核";
        if (last is null) return "未送审";
        if (last.Status == SubmissionStatus.Returned) return $"第{last.Round}次送审已退回";
        if (opinion is null) return $"第{last.Round}轮审核中";
        if (g.Passed) return $"第{last.Round}轮审核同意";
        if (opinion.Outcome != ReviewOutcome.Agree) return $"第{last.Round}轮审核{ReviewRules.Label(opinion.Outcome)}";
        if (opinion.LeaderAgrees == false) return Messages.Get("legal_review.status.leader_disagreed", last.Round);
        return opinion.LeaderAt is null && proposalFingerprint == opinion.ProposalFingerprint ? Messages.Get("legal_review.status.awaiting_leader", last.Round) : "同意后决定已变更，须重新送审";
    }

    /// <summary>An agreed round on the proposal as it stands waits for the 分管领导, not for another submission.</summary>
    private static bool AwaitsLeader(ReviewOpinion? o, DecisionProposal? p)
        => o is { Outcome: ReviewOutcome.Agree, LeaderAt: null } && p?.Fingerprint() == o.ProposalFingerprint;

    public async Task<ReviewViewDto> ViewAsync(Case c)
    {
        var reasons = await gate.ReasonsAsync(c);
        var g = await gate.GateAsync(c);
        var proposal = await proposals.GetAsync(c.Id);
        var subs = await SubmissionsAsync(c.Id);
        var opinions = await OpinionsAsync(c.Id);
        var available = await AvailableMaterialsAsync(c.Id);
        var last = subs.LastOrDefault();
        ReviewOpinion? lastOpinion = last is not null && opinions.TryGetValue(last.Id, out var lo) ? lo : null;
        var dtos = new List<SubmissionDto>();
        foreach (var s in subs)
        {
            dtos.Add(new SubmissionDto(s.Id, s.Round, s.Status.ToString(), ReviewRules.Label(s.Status), s.UnitName, s.ContactName, s.ContactPhone,
                s.BasicFacts, s.LawApplied, s.Discretion, s.Investigation, s.HearingAndAppraisal, s.ProcedureFollowed, s.OtherMatters,
                s.ProposalSnapshot, s.ProposalFingerprint, MaterialsOf(s, available), s.AppraisalDone, s.ExtraMaterial, s.Reply, s.UnitOpinion,
                s.SubmittedAt, s.SubmittedByName, await DueDtoAsync(s), s.ReturnedAt, s.ReturnedByName, s.ReturnReason, s.RequestedMaterial,
                s.ExtensionReason, s.ExtensionApprovedAt, s.ExtensionApprovedByName, opinions.TryGetValue(s.Id, out var o) ? ToDto(o) : null));
        }
        var flags = await db.Set<ReviewFlag>().AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.Id).ToListAsync();
        var consultations = await db.Set<ReviewConsultation>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync();
        var coordinations = await db.Set<ReviewCoordination>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync();
        var (requested, answers) = Asked(last, lastOpinion);
        var pending = last is { Status: SubmissionStatus.Submitted };
        return new ReviewViewDto(c.Id, c.Number, c.Title, c.Step, StatusLabel(g, last, lastOpinion, proposal?.Fingerprint()),
            new GateDto(g.Required, g.Passed, g.IsOpen, g.Message), reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Manual)).ToList(),
            proposal is null ? null : ProposalService.ToDto(proposal), last is not null && proposal is not null && proposal.Fingerprint() != last.ProposalFingerprint,
            await QualificationsAsync(c), last is null ? null : await DueDtoAsync(last), dtos,
            flags.Select(f => new FlagDto(f.Id, f.Criterion.ToString(), MajorDecisionCatalogue.Label(f.Criterion), f.Reason, f.FlaggedAt, f.FlaggedByName)).ToList(),
            consultations.Select(x => new ConsultationDto(x.Id, x.Kind.ToString(), ReviewRules.Label(x.Kind), x.Consultants, x.Question, x.Advice, x.At, x.RecordedByName)).ToList(),
            coordinations.Select(x => new CoordinationDto(x.Id, x.Participants, x.Disagreement, x.Outcome, x.At, x.RecordedByName)).ToList(),
            available, requested, answers,
            new PermissionsDto(MayFlag(c), MaySubmit(c) && g.Required && !pending && !g.Passed && !DecidedOrLater.Contains(c.Step) && !AwaitsLeader(lastOpinion, proposal),
                MayReview(c) && pending, MayLead(c) && pending && last is { Extended: false }, MayGiveLeaderOpinion(c) && lastOpinion is { LeaderAt: null },
                MayReview(c), MayCoordinate(c) && last is not null, MayGenerateForm(c) && last is not null));
    }

    /// <summary>The review's state in a few words for the case page.</summary>
    public async Task<CaseReviewSummary> SummaryAsync(Case c)
    {
        var g = await gate.GateAsync(c);
        if (!g.Required) return new CaseReviewSummary(false, true, "", [], null, "无需法制审核");
        var last = await db.Set<ReviewSubmission>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderByDescending(s => s.Round).FirstOrDefaultAsync();
        var opinion = last is null ? null : await db.Set<ReviewOpinion>().AsNoTracking().FirstOrDefaultAsync(o => o.SubmissionId == last.Id);
        return new CaseReviewSummary(true, g.IsOpen, g.Message, g.Reasons, last is null ? null : await DueDtoAsync(last), StatusLabel(g, last, opinion, (await proposals.GetAsync(c.Id))?.Fingerprint()));
    }

    /// <summary>LR-5: the reviewers' desk — pending reviews with their due dates, the overdue among them, returned submissions, and rounds awaiting the leader.</summary>
    public async Task<DeskDto> DeskAsync()
    {
        var q = await db.Set<ReviewSubmission>().AsNoTracking().InScopeAsync(me, s => s.AgencyId);
        var latestIds = await q.GroupBy(s => s.CaseId).Select(g => g.Max(s => s.Id)).ToListAsync();
        var rows = await db.Set<ReviewSubmission>().AsNoTracking().Where(s => latestIds.Contains(s.Id)).OrderBy(s => s.SubmittedAt).ToListAsync();
        var caseIds = rows.Select(r => r.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var ids = rows.Select(r => r.Id).ToList();
        var opinions = await db.Set<ReviewOpinion>().AsNoTracking().Where(o => ids.Contains(o.SubmissionId)).ToDictionaryAsync(o => o.SubmissionId);
        var pending = new List<DeskItemDto>();
        var returned = new List<DeskItemDto>();
        var leader = new List<DeskItemDto>();
        foreach (var s in rows)
        {
            var c = cases[s.CaseId];
            var item = new DeskItemDto(c.Id, c.Number, c.Title, s.Round, s.SubmittedAt, s.SubmittedByName, await DueDtoAsync(s),
                s.Status == SubmissionStatus.Returned ? s.ReturnReason : "");
            if (s.Status == SubmissionStatus.Submitted) pending.Add(item);
            else if (s.Status == SubmissionStatus.Returned) returned.Add(item);
            else if (opinions.TryGetValue(s.Id, out var o) && o.LeaderAt is null && !DecidedOrLater.Contains(c.Step))
                leader.Add(item with { Note = ReviewRules.Label(o.Outcome) });
        }
        return new DeskDto(pending, pending.Where(p => p.Due?.Overdue == true).ToList(), returned, leader);
    }

    // ---- 法制审核表 (LR-8) and the responsibility report (LR-9) ----

    private static string Day(DateTime utc) => DocumentRules.ChineseDate(Display.ToChina(utc));

    /// <summary>
    /// Fills the 法制审核表 of seed 000's appendix from the latest submission and every round (opinions, replies, leader's
    /// opinion, consultations, coordination) and files it in the case through DocumentService. It is also filed by
    /// itself after every opinion and leader's opinion.
    /// </summary>
    public async Task<CaseDocument> GenerateFormAsync(Case c)
    {
        if (!MayGenerateForm(c)) Forbidden("只有本机关的承办人员、法制审核人员或领导可以制作法制审核表");
        return await FileFormAsync(c);
    }

    private async Task<CaseDocument> FileFormAsync(Case c)
    {
        var subs = await SubmissionsAsync(c.Id);
        if (subs.Count == 0) throw new DomainValidationException("typeCode", "not_submitted", "本案尚未送法制审核，不能制作法制审核表");
        var opinions = await OpinionsAsync(c.Id);
        var last = subs[^1];
        var latestOpinion = opinions.GetValueOrDefault(last.Id);
        if (ReviewRules.FormRefusal(await gate.LeaderOpinionRequiredAsync(c.AgencyId), latestOpinion?.Outcome, latestOpinion?.LeaderAt is not null) is { } missing)
            throw new DomainValidationException([missing]);
        var available = await AvailableMaterialsAsync(c.Id);
        var proposal = JsonDocument.Parse(last.ProposalSnapshot).RootElement;
        var parties = await db.CaseParties.AsNoTracking().Where(p => p.CaseId == c.Id).Select(p => p.Party!.Name).ToListAsync();
        string decisionName = $"对{string.Join("、", parties)}{c.Title}拟作出的{CaseOpeningRules.Label(c.Category)}决定";

        var rounds = new List<string>();
        foreach (var s in subs)
        {
            var line = $"第{s.Round}轮（{Day(s.SubmittedAt)}送审）";
            if (s.Reply.Length > 0) line += $"，承办股室答复：{s.Reply}";
            if (s.Status == SubmissionStatus.Returned) line += $"；{Day(s.ReturnedAt!.Value)}退回：{s.ReturnReason}";
            if (opinions.TryGetValue(s.Id, out var o))
            {
                line += $"；{Day(o.ReviewedAt)}审核意见：{ReviewRules.Label(o.Outcome)}";
                if (o.Categories.Count > 0) line += $"（{string.Join("、", o.Categories.Select(ReviewRules.Label))}）";
                if (o.Reasons.Length > 0) line += $"。理由：{o.Reasons}";
                if (o.Suggestions.Length > 0) line += $"。建议：{o.Suggestions}";
                var problems = ReadFindings(o.Findings).Where(f => !f.Conforms).Select(f => $"{f.Label}：{f.Note}").ToList();
                if (problems.Count > 0) line += $"。存在问题：{string.Join("；", problems)}";
                line += $"（审核人：{o.ReviewedByName}）";
            }
            else if (s.Status == SubmissionStatus.Submitted) line += "；审核中";
            rounds.Add(line);
        }
        var lastOpinion = subs.Select(s => opinions.GetValueOrDefault(s.Id)).LastOrDefault(o => o is not null);
        // The leader's opinion is that on the latest round: an earlier round's does not speak for what is now proposed.
        var leader = latestOpinion is { LeaderAt: not null } ? latestOpinion : null;
        var notes = new List<string>();
        if (await DueDtoAsync(last) is { } due) notes.Add($"审核期限：{due.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}前{(due.Extended ? "（已经分管领导批准延长5个工作日）" : "")}");
        foreach (var x in await db.Set<ReviewConsultation>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync())
            notes.Add($"{Day(x.At)}咨询{ReviewRules.Label(x.Kind)}{x.Consultants}：{x.Question}；意见：{x.Advice}");
        foreach (var x in await db.Set<ReviewCoordination>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync())
            notes.Add($"{Day(x.At)}协调（{x.Participants}）：分歧：{x.Disagreement}；结果：{x.Outcome}");
        string Str(string name) => proposal.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        var fields = new Dictionary<string, string?>
        {
            ["承办股室"] = last.UnitName,
            ["联系人"] = last.ContactName,
            ["电话"] = last.ContactPhone,
            ["决定名称"] = decisionName,
            ["简要事实"] = last.BasicFacts,
            ["证据目录"] = string.Join("\n", MaterialsOf(last, available).Select((m, i) => $"{i + 1}. {m.Name}")),
            ["法律条款"] = Str("legalBasis"),
            ["承办股室意见"] = last.UnitOpinion,
            ["承办股室签字"] = last.SubmittedByName,
            ["承办股室日期"] = Day(last.SubmittedAt),
            ["审核意见"] = string.Join("\n", rounds),
            ["审核签字"] = lastOpinion?.ReviewedByName ?? "",
            ["审核日期"] = lastOpinion is null ? "" : Day(lastOpinion.ReviewedAt),
            ["分管领导意见"] = leader is null ? "" : $"{ReviewRules.LeaderLabel(leader.LeaderAgrees ?? false)}。{leader.LeaderOpinion}",
            ["分管领导签字"] = leader?.LeaderByName ?? "",
            ["分管领导日期"] = leader?.LeaderAt is { } la ? Day(la) : "",
            ["备注"] = string.Join("\n", notes),
        };
        return await documents.GenerateAsync(c, new GenerateInput("legal-review-form", fields));
    }

    public async Task<ResponsibilityDto> ResponsibilityAsync(Case c)
    {
        var entries = new List<ResponsibilityEntryDto>();
        var subs = await SubmissionsAsync(c.Id);
        var opinions = await OpinionsAsync(c.Id);
        foreach (var s in subs)
        {
            entries.Add(new("送审（对送审材料的真实性、准确性、完整性负责）", s.SubmittedByName, s.SubmittedAt, $"第{s.Round}次送法制审核"));
            if (s.ReturnedAt is { } r) entries.Add(new("退回送审材料", s.ReturnedByName, r, s.ReturnReason));
            if (s.ExtensionApprovedAt is { } e) entries.Add(new("批准延长审核期限", s.ExtensionApprovedByName, e, s.ExtensionReason));
            if (opinions.TryGetValue(s.Id, out var o))
            {
                entries.Add(new("法制审核（对审核意见负责）", o.ReviewedByName, o.ReviewedAt, $"第{s.Round}轮：{ReviewRules.Label(o.Outcome)}{(o.Reasons.Length > 0 ? "，" + o.Reasons : "")}"));
                if (o.LeaderAt is { } la) entries.Add(new("分管领导意见", o.LeaderByName, la, $"{ReviewRules.LeaderLabel(o.LeaderAgrees ?? false)}：{o.LeaderOpinion}"));
            }
        }
        foreach (var x in await db.Set<ReviewCoordination>().AsNoTracking().Where(x => x.CaseId == c.Id).ToListAsync())
            entries.Add(new("协调", x.RecordedByName, x.At, $"{x.Participants}：{x.Outcome}"));
        var decided = await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == c.Id && h.ToStep == CaseSteps.Decided).ToListAsync();
        var names = decided.Select(d => d.By).Distinct().ToList();
        var display = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName);
        foreach (var d in decided)
            entries.Add(new("作出决定（对决定的合法性、合理性负责）", display.GetValueOrDefault(d.By, d.By), d.At, "案件转入“决定”"));
        return new ResponsibilityDto(c.Id, c.Number, entries.OrderBy(e => e.At).ToList());
    }

    /// <summary>The opinions an agency gave between two instants, with when their submission came in (for the annual report).</summary>
    public async Task<List<(ReviewOutcome Outcome, DateTime SubmittedAt, DateTime ReviewedAt)>> OpinionsGivenAsync(int agencyId, DateTime start, DateTime end)
        => [.. (await (from o in db.Set<ReviewOpinion>().AsNoTracking()
                       where o.AgencyId == agencyId && o.ReviewedAt >= start && o.ReviewedAt < end
                       join s in db.Set<ReviewSubmission>() on o.SubmissionId equals s.Id
                       select new { o.Outcome, s.SubmittedAt, o.ReviewedAt }).ToListAsync()).Select(r => (r.Outcome, r.SubmittedAt, r.ReviewedAt))];
}

/// <summary>The user may see the case but not do this to it: 403 in the API, Forbid on the pages.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
