using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Rules;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Records;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.Matters;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// Legal review of major decisions (LR-2 … LR-9): the catalogue, flags, submissions, review rounds, the time limit,
/// consultations, coordination, the 法制审核表 and the responsibility report. Shared by the pages and the API; callers
/// answer 404 for cases outside the user's scope before calling. Every act asks <see cref="ReviewLifecycle"/> whether
/// the signed-in account may make it now and returns an <see cref="Outcome{T}"/>: refused, nothing changes and every
/// reason is named; bad input is a <see cref="DomainValidationException"/> naming each field.
/// </summary>
public sealed class LegalReviewService(AppDbContext db, CurrentUser me, IReviewProposals proposals, LegalReviewGateService gate,
    DocumentService documents, CaseService cases, OfficerService officers, AgencyService agencies, MatterService matters,
    TimeProvider time, Records.RecordService records)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] DecidedOrLater = [CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed, CaseSteps.Closed, CaseSteps.Archived];

    private DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    public Task<Case?> FindVisibleCaseAsync(int caseId) => cases.FindVisibleAsync(caseId);

    // ---- the table: who may do what, now ----

    private async Task<ReviewSubmission?> LatestAsync(int caseId, bool tracked = false)
    {
        var q = db.Set<ReviewSubmission>().Where(x => x.CaseId == caseId);
        return await (tracked ? q : q.AsNoTracking()).OrderByDescending(x => x.Round).FirstOrDefaultAsync();
    }

    private async Task<ReviewOpinion?> OpinionOfAsync(ReviewSubmission? s, bool tracked = false)
    {
        if (s is null) return null;
        var q = db.Set<ReviewOpinion>().Where(o => o.SubmissionId == s.Id);
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync();
    }

    /// <summary>Everything the table needs about the case and the signed-in account, read in one place.</summary>
    private async Task<ReviewFacts> FactsAsync(Case c)
    {
        var last = await LatestAsync(c.Id);
        var opinion = await OpinionOfAsync(last);
        var proposal = await proposals.GetAsync(c.Id);
        var actor = await me.ActorAsync();
        return new ReviewFacts
        {
            State = ReviewStates.Of(last?.Status, opinion?.LeaderAt is not null),
            Round = last?.Round ?? 0,
            AgencyId = c.AgencyId,
            CaseOfficerIds = (await cases.OfficerIdsAsync(c.Id)).ToHashSet(),
            CaseDecided = DecidedOrLater.Contains(c.Step),
            Major = (await gate.ReasonsAsync(c)).Count > 0,
            UnsignedRecords = await documents.UnsignedRecordsAsync(c.Id),
            LatestOutcome = opinion?.Outcome,
            LeaderAgrees = opinion?.LeaderAgrees,
            ProposalUnchangedSinceReview = opinion is not null && proposal?.Fingerprint() == opinion.ProposalFingerprint,
            SubmittedBy = last?.SubmittedBy ?? "",
            Extended = last?.Extended ?? false,
            Due = last is { Status: SubmissionStatus.Submitted } ? await gate.DueAsync(last) : null,
            Today = Today,
            LeaderOpinionRequired = await gate.LeaderOpinionRequiredAsync(c.AgencyId),
            ActorLegallyQualified = actor.OfficerId is { } officerId && await officers.HasLegalQualificationAsync(officerId),
            ActorReviewsBefore = await db.Set<ReviewOpinion>().CountAsync(o => o.ReviewedBy == me.UserName),
        };
    }

    /// <summary>May the signed-in account make <paramref name="act"/> (one of <see cref="ReviewActs"/>) on the case now?</summary>
    public async Task<MoveCheck> CheckAsync(Case c, string act) => ReviewLifecycle.Check(await FactsAsync(c), act, await me.ActorAsync());

    /// <summary>Every act of the table as the signed-in account stands now, for the page's forms and the view's permissions.</summary>
    public async Task<IReadOnlyDictionary<string, MoveCheck>> ChecksAsync(Case c)
    {
        var facts = await FactsAsync(c);
        var actor = await me.ActorAsync();
        return ReviewActs.All.ToDictionary(a => a, a => ReviewLifecycle.Check(facts, a, actor));
    }

    // ---- catalogue (LR-2) ----

    public static CatalogueDto ToDto(MajorDecisionCatalogue x) => new(
        x.AgencyId, x.Id == 0, x.NaturalPersonFineYuan, x.OrganisationFineYuan, x.ConfiscationYuan,
        x.Kinds.Select(k => new CodeLabel(k.ToString(), SimpleProcedure.Label(k))).ToList(), x.AfterHearing, x.MitigatedOrOutsideRange,
        x.AllGeneralProcedurePenalties, x.Notes,
        Enum.GetValues<JudgementCriterion>().Select(c => new CodeLabel(c.ToString(), MajorDecisionCatalogue.Label(c))).ToList(),
        x.Id == 0 ? null : x.UpdatedAt, x.UpdatedBy);

    public Task<string?> AgencyNameAsync(int agencyId) => agencies.NameAsync(agencyId);

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

    public async Task<Outcome<ReviewFlag>> FlagAsync(Case c, FlagInput input)
    {
        if (await CheckAsync(c, ReviewActs.Flag) is { IsAllowed: false } refused) return Outcome<ReviewFlag>.Refused(refused);
        var errors = new ValidationErrors();
        var criterion = MajorDecisionCatalogue.ParseCriterion(input.Criterion);
        if (criterion is null) errors.Add("criterion", "required", T("legal_review.error.criterion_required"));
        errors.Required("reason", input.Reason, T("legal_review.field.flag_reason")).MaxLength("reason", input.Reason, 2000, T("legal_review.field.flag_reason"));
        errors.ThrowIfAny();
        var flag = new ReviewFlag
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Criterion = criterion!.Value, Reason = input.Reason!.Trim(),
            FlaggedAt = db.UtcNow, FlaggedBy = me.UserName, FlaggedByName = me.DisplayName,
        };
        db.Set<ReviewFlag>().Add(flag);
        await db.SaveChangesAsync();
        return Outcome<ReviewFlag>.Done(flag);
    }

    // ---- submission (LR-3) ----

    private async Task<List<ReviewSubmission>> SubmissionsAsync(int caseId)
        => await db.Set<ReviewSubmission>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Round).ToListAsync();

    private async Task<Dictionary<int, ReviewOpinion>> OpinionsAsync(int caseId)
        => await db.Set<ReviewOpinion>().AsNoTracking().Where(o => o.CaseId == caseId).ToDictionaryAsync(o => o.SubmissionId);

    /// <summary>What the previous round asked of the next submission: material to add and whether an opinion is to be answered.</summary>
    private static (string Requested, bool AnswersOpinion) Asked(ReviewSubmission? last, ReviewOpinion? opinion)
        => last is null ? ("", false) : (last.RequestedMaterial, opinion is not null && opinion.Outcome != ReviewOutcome.Agree);

    private static readonly (string Field, Func<SubmissionInput, string?> Value, string Label)[] SubmissionTexts =
    [
        ("basicFacts", i => i.BasicFacts, "legal_review.field.basic_facts"), ("lawApplied", i => i.LawApplied, "legal_review.field.law_applied"),
        ("discretion", i => i.Discretion, "legal_review.field.discretion"), ("investigation", i => i.Investigation, "legal_review.field.investigation"),
        ("hearingAndAppraisal", i => i.HearingAndAppraisal, "legal_review.field.hearing_and_appraisal"),
        ("procedureFollowed", i => i.ProcedureFollowed, "legal_review.field.procedure_followed"), ("otherMatters", i => i.OtherMatters, "legal_review.field.other_matters"),
        ("extraMaterial", i => i.ExtraMaterial, "legal_review.field.extra_material"), ("reply", i => i.Reply, "legal_review.field.reply"),
        ("unitOpinion", i => i.UnitOpinion, "legal_review.field.unit_opinion"),
    ];

    public async Task<Outcome<ReviewSubmission>> SubmitAsync(Case c, SubmissionInput input)
    {
        if (await CheckAsync(c, ReviewActs.Submit) is { IsAllowed: false } refused) return Outcome<ReviewSubmission>.Refused(refused);
        var last = await LatestAsync(c.Id);
        var lastOpinion = await OpinionOfAsync(last);
        var proposal = await proposals.GetAsync(c.Id);

        var docs = await documents.ListAsync(c.Id);
        var recs = (await CaseRecordsAsync(c.Id)).Select(r => r.Id).ToList();
        var errors = new ValidationErrors();
        var docIds = (input.EvidenceDocumentIds ?? []).Distinct().ToList();
        var recIds = (input.EvidenceRecordIds ?? []).Distinct().ToList();
        foreach (var id in docIds.Where(id => docs.All(d => d.Id != id))) errors.Add("evidenceDocumentIds", "not_in_case", T("legal_review.error.document_not_in_case", id));
        foreach (var id in recIds.Where(id => !recs.Contains(id))) errors.Add("evidenceRecordIds", "not_in_case", T("legal_review.error.record_not_in_case", id));
        if (input.HearingRecordDocumentId is { } h && !docs.Any(d => d.Id == h && d.TypeCode == LegalReviewGateService.HearingRecordType))
            errors.Add("hearingRecordDocumentId", "not_in_case", T("legal_review.error.hearing_record_not_in_case"));
        if (input.AppraisalDocumentId is { } ad && docs.All(d => d.Id != ad)) errors.Add("appraisal", "not_in_case", T("legal_review.error.appraisal_document_not_in_case"));
        if (input.AppraisalRecordId is { } ar && !recs.Contains(ar)) errors.Add("appraisal", "not_in_case", T("legal_review.error.appraisal_record_not_in_case"));
        var (requested, answers) = Asked(last, lastOpinion);
        bool heard = docs.Any(d => d.TypeCode == LegalReviewGateService.HearingRecordType);
        errors.AddRange(ReviewRules.Missing(new SubmissionMaterials(
            input.BasicFacts, input.LawApplied, input.Discretion, input.Investigation, input.HearingAndAppraisal, input.ProcedureFollowed,
            proposal is not null && proposal.Content.Trim().Length > 0, proposal is not null && proposal.LegalBasis.Trim().Length > 0,
            docIds.Count + recIds.Count, heard, input.HearingRecordDocumentId is not null,
            input.AppraisalDone, input.AppraisalDocumentId is not null || input.AppraisalRecordId is not null,
            requested, input.ExtraMaterial, answers, input.Reply, input.UnitOpinion, input.ContactName, input.ContactPhone)).Items);
        foreach (var (field, value, label) in SubmissionTexts) errors.MaxLength(field, value(input), 4000, T(label));
        errors.MaxLength("contactName", input.ContactName, 100, T("legal_review.field.contact_name"))
            .MaxLength("contactPhone", input.ContactPhone, 100, T("legal_review.field.contact_phone"));
        errors.ThrowIfAny();

        // 承办股室: the case's unit, else the unit the matter belongs to.
        var unitId = c.UnitId ?? await matters.ResponsibleUnitIdAsync(c.MatterId);
        var unit = unitId is { } uid ? await agencies.UnitNameAsync(uid) : null;
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
            return Outcome<ReviewSubmission>.Refused([], [new UnmetCondition("legal_review.submission_raced", Messages.Get("legal_review.submission_raced"), "case")]);
        }
        return Outcome<ReviewSubmission>.Done(s);
    }

    /// <summary>The draft decision as the reviewer saw it; kept in the submission because the proposal changes in place.</summary>
    private static string Snapshot(DecisionProposal p) => JsonSerializer.Serialize(new
    {
        outcome = p.Outcome.ToString(), penaltyKinds = p.Kinds.Select(k => k.ToString()).ToList(), fineYuan = p.FineYuan, confiscationYuan = p.ConfiscationYuan,
        content = p.Content, legalBasis = p.LegalBasis, tier = p.Tier?.ToString(), outsideRangeReason = p.OutsideRangeReason,
        evidenceReason = p.EvidenceReason, basisReason = p.BasisReason, discretionReason = p.DiscretionReason, fingerprint = p.Fingerprint(),
    }, Json);

    public async Task<Outcome<ReviewSubmission>> ReturnAsync(Case c, ReturnInput input)
    {
        if (await CheckAsync(c, ReviewActs.Return) is { IsAllowed: false } refused) return Outcome<ReviewSubmission>.Refused(refused);
        new ValidationErrors().Required("reason", input.Reason, T("legal_review.field.return_reason")).MaxLength("reason", input.Reason, 4000, T("legal_review.field.return_reason"))
            .MaxLength("requestedMaterial", input.RequestedMaterial, 4000, T("legal_review.field.requested_material")).ThrowIfAny();
        var s = (await LatestAsync(c.Id, tracked: true))!;
        s.Status = SubmissionStatus.Returned;
        s.ReturnedAt = db.UtcNow;
        s.ReturnedBy = me.UserName;
        s.ReturnedByName = me.DisplayName;
        s.ReturnReason = input.Reason!.Trim();
        s.RequestedMaterial = input.RequestedMaterial?.Trim() ?? "";
        await db.SaveChangesAsync();
        return Outcome<ReviewSubmission>.Done(s);
    }

    // ---- review (LR-4, LR-6, LR-7) ----

    public async Task<Outcome<ReviewOpinion>> ReviewAsync(Case c, OpinionInput input)
    {
        if (await CheckAsync(c, ReviewActs.Review) is { IsAllowed: false } refused) return Outcome<ReviewOpinion>.Refused(refused);
        var errors = new ValidationErrors();
        var outcome = ReviewRules.Parse<ReviewOutcome>(input.Outcome, ReviewRules.Label);
        if (outcome is null && !string.IsNullOrWhiteSpace(input.Outcome)) errors.Add("outcome", "invalid", T("legal_review.error.outcome_invalid"));
        var findings = new List<ReviewFinding>();
        foreach (var f in input.Findings ?? [])
        {
            var item = ReviewRules.Parse<ReviewItem>(f.Item, ReviewRules.Label);
            if (item is null) errors.Add("findings", "invalid", T("legal_review.error.item_invalid", f.Item));
            else if (findings.All(x => x.Item != item)) findings.Add(new ReviewFinding(item.Value, f.Conforms, f.Note?.Trim() ?? ""));
        }
        var categories = new List<ReviewReasonCategory>();
        foreach (var text in input.ReasonCategories ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (ReviewRules.Parse<ReviewReasonCategory>(text, ReviewRules.Label) is { } cat) { if (!categories.Contains(cat)) categories.Add(cat); }
            else errors.Add("reasonCategories", "invalid", T("legal_review.error.category_invalid", text));
        }
        errors.AddRange(ReviewRules.ValidateOpinion(outcome, findings, categories, input.Reasons).Items);
        errors.MaxLength("suggestions", input.Suggestions, 4000, T("legal_review.field.suggestions"))
            .MaxLength("requestedMaterial", input.RequestedMaterial, 4000, T("legal_review.field.requested_material"));
        errors.ThrowIfAny();

        var s = (await LatestAsync(c.Id, tracked: true))!;
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
            return Outcome<ReviewOpinion>.Refused([], [new UnmetCondition("legal_review.already_reviewed", Messages.Get("legal_review.already_reviewed"), "outcome")]);
        }
        // Seed 000 art. 10: every written opinion goes into the case file, so the form is filed as it stands now; an
        // agreed round whose chain has the 分管领导's opinion is filed once the leader signed (LR-8).
        if (opinion.Outcome != ReviewOutcome.Agree || !await gate.LeaderOpinionRequiredAsync(c.AgencyId))
            await FileFormAsync(c);
        return Outcome<ReviewOpinion>.Done(opinion);
    }

    public async Task<Outcome<ReviewSubmission>> ExtendAsync(Case c, TextInput input)
    {
        if (await CheckAsync(c, ReviewActs.Extend) is { IsAllowed: false } refused) return Outcome<ReviewSubmission>.Refused(refused);
        new ValidationErrors().Required("text", input.Text, T("legal_review.field.extension_reason"))
            .MaxLength("text", input.Text, 4000, T("legal_review.field.extension_reason")).ThrowIfAny();
        var s = (await LatestAsync(c.Id, tracked: true))!;
        s.ExtensionReason = input.Text!.Trim();
        s.ExtensionApprovedAt = db.UtcNow;
        s.ExtensionApprovedBy = me.UserName;
        s.ExtensionApprovedByName = me.DisplayName;
        await db.SaveChangesAsync();
        return Outcome<ReviewSubmission>.Done(s);
    }

    /// <summary>LR-8: the 分管领导 (or the head) of the case's agency signs 同意 or 不同意 on the latest answered round; the 法制审核表 is filed with it.</summary>
    public async Task<Outcome<ReviewOpinion>> LeaderOpinionAsync(Case c, LeaderOpinionInput input)
    {
        if (await CheckAsync(c, ReviewActs.LeaderOpinion) is { IsAllowed: false } refused) return Outcome<ReviewOpinion>.Refused(refused);
        ReviewRules.ValidateLeaderOpinion(input.Agrees, input.Text).ThrowIfAny();
        var opinion = (await OpinionOfAsync(await LatestAsync(c.Id), tracked: true))!;
        opinion.LeaderAgrees = input.Agrees!.Value;
        opinion.LeaderOpinion = input.Text!.Trim();
        opinion.LeaderAt = db.UtcNow;
        opinion.LeaderBy = me.UserName;
        opinion.LeaderByName = me.DisplayName;
        await db.SaveChangesAsync();
        await FileFormAsync(c);
        return Outcome<ReviewOpinion>.Done(opinion);
    }

    public async Task<Outcome<ReviewConsultation>> ConsultAsync(Case c, ConsultationInput input)
    {
        if (await CheckAsync(c, ReviewActs.Consult) is { IsAllowed: false } refused) return Outcome<ReviewConsultation>.Refused(refused);
        var errors = new ValidationErrors();
        var kind = ReviewRules.Parse<ConsultantKind>(input.Kind, ReviewRules.Label);
        if (kind is null) errors.Add("kind", "required", T("legal_review.error.consultant_kind_required"));
        errors.Required("consultants", input.Consultants, T("legal_review.field.consultants")).MaxLength("consultants", input.Consultants, 200, T("legal_review.field.consultants"))
            .Required("question", input.Question, T("legal_review.field.question")).MaxLength("question", input.Question, 4000, T("legal_review.field.question"))
            .Required("advice", input.Advice, T("legal_review.field.advice")).MaxLength("advice", input.Advice, 4000, T("legal_review.field.advice")).ThrowIfAny();
        var x = new ReviewConsultation
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Kind = kind!.Value, Consultants = input.Consultants!.Trim(), Question = input.Question!.Trim(),
            Advice = input.Advice!.Trim(), At = db.UtcNow, RecordedBy = me.UserName, RecordedByName = me.DisplayName,
        };
        db.Set<ReviewConsultation>().Add(x);
        await db.SaveChangesAsync();
        return Outcome<ReviewConsultation>.Done(x);
    }

    public async Task<Outcome<ReviewCoordination>> CoordinateAsync(Case c, CoordinationInput input)
    {
        if (await CheckAsync(c, ReviewActs.Coordinate) is { IsAllowed: false } refused) return Outcome<ReviewCoordination>.Refused(refused);
        new ValidationErrors().Required("participants", input.Participants, T("legal_review.field.participants")).MaxLength("participants", input.Participants, 500, T("legal_review.field.participants"))
            .Required("disagreement", input.Disagreement, T("legal_review.field.disagreement")).MaxLength("disagreement", input.Disagreement, 4000, T("legal_review.field.disagreement"))
            .Required("outcome", input.Outcome, T("legal_review.field.coordination_outcome")).MaxLength("outcome", input.Outcome, 4000, T("legal_review.field.coordination_outcome")).ThrowIfAny();
        var x = new ReviewCoordination
        {
            CaseId = c.Id, AgencyId = c.AgencyId, Participants = input.Participants!.Trim(), Disagreement = input.Disagreement!.Trim(),
            Outcome = input.Outcome!.Trim(), At = db.UtcNow, RecordedBy = me.UserName, RecordedByName = me.DisplayName,
        };
        db.Set<ReviewCoordination>().Add(x);
        await db.SaveChangesAsync();
        return Outcome<ReviewCoordination>.Done(x);
    }

    // ---- reading ----

    private async Task<DueDto?> DueDtoAsync(ReviewSubmission s)
    {
        if (s.Status != SubmissionStatus.Submitted && s.Status != SubmissionStatus.Reviewed) return null;
        if (await gate.DueAsync(s) is not { } due) return null;
        bool overdue = s.Status == SubmissionStatus.Submitted && Today > due;
        return new DueDto(due, s.Extended, overdue, ReviewRules.DueBasis, await gate.DueNoteAsync(s, due));
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

    private Task<List<Record>> CaseRecordsAsync(int caseId) => records.OfCaseAsync(caseId);

    private async Task<List<MaterialDto>> AvailableMaterialsAsync(int caseId)
    {
        var docs = await documents.ListAsync(caseId);
        var recs = await CaseRecordsAsync(caseId);
        return docs.Select(d => new MaterialDto("document", d.Id,
                T("legal_review.material.document", d.TypeName, d.Number.Length > 0 ? " " + d.Number : "", Display.Date(d.GeneratedAt))))
            .Concat(recs.Select(r => new MaterialDto("record", r.Id,
                T("legal_review.material.record", RecordRules.Label(r.Kind), r.FileName, r.Proves.Length > 0 ? T("legal_review.material.proves", r.Proves) : ""))))
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
        var days = (await cases.StepHistoryAsync(c.Id)).Select(h => CaseService.ChinaDay(h.At))
            .Append(CaseService.ChinaDay(c.OpenedAt)).Append(Today).Distinct().Order().ToList();
        var ids = await cases.OfficerIdsAsync(c.Id);
        var found = (await officers.WithCertificatesAsync(ids)).ToDictionary(o => o.Id);
        return ids.Select(id =>
        {
            var o = found[id];
            var problems = days.Where(d => !o.IsQualifiedOn(d)).Select(d =>
            {
                var status = o.Certificates.Count == 0 ? T("legal_review.qualification.no_certificate") : Certificate.Label(StaffingMetrics.OfficerStatus(o, d));
                return T("legal_review.qualification.problem", d, status);
            }).ToList();
            return new QualificationDto(o.Id, o.Name, problems.Count == 0, problems);
        }).ToList();
    }

    private static string StatusLabel(LegalReviewGate g, ReviewSubmission? last, ReviewOpinion? opinion, string? proposalFingerprint)
    {
        if (!g.Required) return T("legal_review.status_label.not_required");
        if (last is null) return T("legal_review.status_label.not_submitted");
        if (last.Status == SubmissionStatus.Returned) return T("legal_review.status_label.returned", last.Round);
        if (opinion is null) return T("legal_review.status_label.in_review", last.Round);
        if (g.Passed) return T("legal_review.status_label.agreed", last.Round);
        if (opinion.Outcome != ReviewOutcome.Agree) return T("legal_review.status_label.outcome", last.Round, ReviewRules.Label(opinion.Outcome));
        if (opinion.LeaderAgrees == false) return Messages.Get("legal_review.status.leader_disagreed", last.Round);
        return opinion.LeaderAt is null && proposalFingerprint == opinion.ProposalFingerprint
            ? Messages.Get("legal_review.status.awaiting_leader", last.Round) : T("legal_review.status_label.changed");
    }

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
        var may = await ChecksAsync(c);
        bool Allowed(string act) => may[act].IsAllowed;
        return new ReviewViewDto(c.Id, c.Number, c.Title, c.Step, StatusLabel(g, last, lastOpinion, proposal?.Fingerprint()),
            new GateDto(g.Required, g.Passed, g.IsOpen, g.Message), reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Manual)).ToList(),
            proposal is null ? null : proposals.Describe(proposal), last is not null && proposal is not null && proposal.Fingerprint() != last.ProposalFingerprint,
            await QualificationsAsync(c), last is null ? null : await DueDtoAsync(last), dtos,
            flags.Select(f => new FlagDto(f.Id, f.Criterion.ToString(), MajorDecisionCatalogue.Label(f.Criterion), f.Reason, f.FlaggedAt, f.FlaggedByName)).ToList(),
            consultations.Select(x => new ConsultationDto(x.Id, x.Kind.ToString(), ReviewRules.Label(x.Kind), x.Consultants, x.Question, x.Advice, x.At, x.RecordedByName)).ToList(),
            coordinations.Select(x => new CoordinationDto(x.Id, x.Participants, x.Disagreement, x.Outcome, x.At, x.RecordedByName)).ToList(),
            available, requested, answers,
            new PermissionsDto(Allowed(ReviewActs.Flag), Allowed(ReviewActs.Submit), Allowed(ReviewActs.Review), Allowed(ReviewActs.Extend),
                Allowed(ReviewActs.LeaderOpinion), Allowed(ReviewActs.Consult), Allowed(ReviewActs.Coordinate), Allowed(ReviewActs.Form)));
    }

    /// <summary>The review's state in a few words for the case page.</summary>
    public async Task<CaseReviewSummary> SummaryAsync(Case c)
    {
        var g = await gate.GateAsync(c);
        if (!g.Required) return new CaseReviewSummary(false, true, "", [], null, T("legal_review.status_label.not_required"));
        var last = await LatestAsync(c.Id);
        var opinion = await OpinionOfAsync(last);
        return new CaseReviewSummary(true, g.IsOpen, g.Message, g.Reasons, last is null ? null : await DueDtoAsync(last), StatusLabel(g, last, opinion, (await proposals.GetAsync(c.Id))?.Fingerprint()));
    }

    /// <summary>LR-5: the reviewers' desk — pending reviews with their due dates, the overdue among them, returned submissions, and rounds awaiting the leader.</summary>
    public async Task<DeskDto> DeskAsync()
    {
        var q = await db.Set<ReviewSubmission>().AsNoTracking().InScopeAsync(me, s => s.AgencyId);
        var latestIds = await q.GroupBy(s => s.CaseId).Select(g => g.Max(s => s.Id)).ToListAsync();
        var rows = await db.Set<ReviewSubmission>().AsNoTracking().Where(s => latestIds.Contains(s.Id)).OrderBy(s => s.SubmittedAt).ToListAsync();
        var found = await cases.FindManyAsync(rows.Select(r => r.CaseId));
        var ids = rows.Select(r => r.Id).ToList();
        var opinions = await db.Set<ReviewOpinion>().AsNoTracking().Where(o => ids.Contains(o.SubmissionId)).ToDictionaryAsync(o => o.SubmissionId);
        var pending = new List<DeskItemDto>();
        var returned = new List<DeskItemDto>();
        var leader = new List<DeskItemDto>();
        foreach (var s in rows)
        {
            var c = found[s.CaseId];
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
    public async Task<Outcome<CaseDocument>> GenerateFormAsync(Case c)
    {
        if (await CheckAsync(c, ReviewActs.Form) is { IsAllowed: false } refused) return Outcome<CaseDocument>.Refused(refused);
        return Outcome<CaseDocument>.Done(await FileFormAsync(c));
    }

    private async Task<CaseDocument> FileFormAsync(Case c)
    {
        var subs = await SubmissionsAsync(c.Id);
        var opinions = await OpinionsAsync(c.Id);
        var last = subs[^1];
        var latestOpinion = opinions.GetValueOrDefault(last.Id);
        var available = await AvailableMaterialsAsync(c.Id);
        var proposal = JsonDocument.Parse(last.ProposalSnapshot).RootElement;
        var parties = await cases.PartyNamesAsync(c.Id);
        string decisionName = T("legal_review.form.decision_name", string.Join("、", parties), c.Title, CaseOpeningRules.Label(c.Category));

        var rounds = new List<string>();
        foreach (var s in subs)
        {
            var line = T("legal_review.form.round", s.Round, Day(s.SubmittedAt));
            if (s.Reply.Length > 0) line += T("legal_review.form.reply", s.Reply);
            if (s.Status == SubmissionStatus.Returned) line += T("legal_review.form.returned", Day(s.ReturnedAt!.Value), s.ReturnReason);
            if (opinions.TryGetValue(s.Id, out var o))
            {
                line += T("legal_review.form.opinion", Day(o.ReviewedAt), ReviewRules.Label(o.Outcome));
                if (o.Categories.Count > 0) line += T("legal_review.form.categories", string.Join("、", o.Categories.Select(ReviewRules.Label)));
                if (o.Reasons.Length > 0) line += T("legal_review.form.reasons", o.Reasons);
                if (o.Suggestions.Length > 0) line += T("legal_review.form.suggestions", o.Suggestions);
                var problems = ReadFindings(o.Findings).Where(f => !f.Conforms).Select(f => T("legal_review.form.problem", f.Label, f.Note)).ToList();
                if (problems.Count > 0) line += T("legal_review.form.problems", string.Join(T("list.semicolon"), problems));
                line += T("legal_review.form.reviewer", o.ReviewedByName);
            }
            else if (s.Status == SubmissionStatus.Submitted) line += T("legal_review.form.in_review");
            rounds.Add(line);
        }
        var lastOpinion = subs.Select(s => opinions.GetValueOrDefault(s.Id)).LastOrDefault(o => o is not null);
        // The leader's opinion is that on the latest round: an earlier round's does not speak for what is now proposed.
        var leader = latestOpinion is { LeaderAt: not null } ? latestOpinion : null;
        var notes = new List<string>();
        if (await DueDtoAsync(last) is { } due) notes.Add(T("legal_review.form.due", due.Due, due.Extended ? T("legal_review.form.due_extended") : ""));
        foreach (var x in await db.Set<ReviewConsultation>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync())
            notes.Add(T("legal_review.form.consultation", Day(x.At), ReviewRules.Label(x.Kind), x.Consultants, x.Question, x.Advice));
        foreach (var x in await db.Set<ReviewCoordination>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync())
            notes.Add(T("legal_review.form.coordination", Day(x.At), x.Participants, x.Disagreement, x.Outcome));
        string Str(string name) => proposal.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        var fields = new Dictionary<string, string?>
        {
            [ReviewFormFields.Unit] = last.UnitName,
            [ReviewFormFields.Contact] = last.ContactName,
            [ReviewFormFields.Phone] = last.ContactPhone,
            [ReviewFormFields.DecisionName] = decisionName,
            [ReviewFormFields.Facts] = last.BasicFacts,
            [ReviewFormFields.Evidence] = string.Join("\n", MaterialsOf(last, available).Select((m, i) => $"{i + 1}. {m.Name}")),
            [ReviewFormFields.Provisions] = Str("legalBasis"),
            [ReviewFormFields.UnitOpinion] = last.UnitOpinion,
            [ReviewFormFields.UnitSignature] = last.SubmittedByName,
            [ReviewFormFields.UnitDate] = Day(last.SubmittedAt),
            [ReviewFormFields.Opinion] = string.Join("\n", rounds),
            [ReviewFormFields.ReviewerSignature] = lastOpinion?.ReviewedByName ?? "",
            [ReviewFormFields.ReviewDate] = lastOpinion is null ? "" : Day(lastOpinion.ReviewedAt),
            [ReviewFormFields.LeaderOpinion] = leader is null ? "" : T("legal_review.form.leader", ReviewRules.LeaderLabel(leader.LeaderAgrees ?? false), leader.LeaderOpinion),
            [ReviewFormFields.LeaderSignature] = leader?.LeaderByName ?? "",
            [ReviewFormFields.LeaderDate] = leader?.LeaderAt is { } la ? Day(la) : "",
            [ReviewFormFields.Notes] = string.Join("\n", notes),
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
            entries.Add(new(T("legal_review.duty.submit"), s.SubmittedByName, s.SubmittedAt, T("legal_review.duty.submit_what", s.Round)));
            if (s.ReturnedAt is { } r) entries.Add(new(T("legal_review.duty.return"), s.ReturnedByName, r, s.ReturnReason));
            if (s.ExtensionApprovedAt is { } e) entries.Add(new(T("legal_review.duty.extend"), s.ExtensionApprovedByName, e, s.ExtensionReason));
            if (opinions.TryGetValue(s.Id, out var o))
            {
                entries.Add(new(T("legal_review.duty.review"), o.ReviewedByName, o.ReviewedAt,
                    T("legal_review.duty.review_what", s.Round, ReviewRules.Label(o.Outcome), o.Reasons.Length > 0 ? T("legal_review.duty.review_reasons", o.Reasons) : "")));
                if (o.LeaderAt is { } la) entries.Add(new(T("legal_review.duty.leader"), o.LeaderByName, la, T("legal_review.duty.leader_what", ReviewRules.LeaderLabel(o.LeaderAgrees ?? false), o.LeaderOpinion)));
            }
        }
        foreach (var x in await db.Set<ReviewCoordination>().AsNoTracking().Where(x => x.CaseId == c.Id).ToListAsync())
            entries.Add(new(T("legal_review.duty.coordinate"), x.RecordedByName, x.At, T("legal_review.duty.coordinate_what", x.Participants, x.Outcome)));
        var decided = (await cases.StepHistoryAsync(c.Id)).Where(h => h.ToStep == CaseSteps.Decided).ToList();
        var names = decided.Select(d => d.By).Distinct().ToList();
        var display = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName);
        foreach (var d in decided)
            entries.Add(new(T("legal_review.duty.decide"), display.GetValueOrDefault(d.By, d.By), d.At, T("legal_review.duty.decide_what")));
        return new ResponsibilityDto(c.Id, c.Number, entries.OrderBy(e => e.At).ToList());
    }

    /// <summary>The opinions an agency gave between two instants, with when their submission came in (for the annual report).</summary>
    public async Task<List<(ReviewOutcome Outcome, DateTime SubmittedAt, DateTime ReviewedAt)>> OpinionsGivenAsync(int agencyId, DateTime start, DateTime end)
        => [.. (await (from o in db.Set<ReviewOpinion>().AsNoTracking()
                       where o.AgencyId == agencyId && o.ReviewedAt >= start && o.ReviewedAt < end
                       join s in db.Set<ReviewSubmission>() on o.SubmissionId equals s.Id
                       select new { o.Outcome, s.SubmittedAt, o.ReviewedAt }).ToListAsync()).Select(r => (r.Outcome, r.SubmittedAt, r.ReviewedAt))];
}
