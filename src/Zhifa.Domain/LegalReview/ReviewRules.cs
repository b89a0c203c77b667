using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.LegalReview;

/// <summary>What a submission holds, as the completeness check needs it (LR-3, seed 000 art. 6).</summary>
public sealed record SubmissionMaterials(
    string? BasicFacts, string? LawApplied, string? Discretion, string? Investigation, string? HearingAndAppraisal, string? ProcedureFollowed,
    bool HasProposal, bool ProposalHasBasis, int EvidenceCount,
    bool Heard, bool HearingRecordGiven,
    bool AppraisalDone, bool AppraisalReportGiven,
    string RequestedMaterial, string? ExtraMaterial,
    bool AnswersAnOpinion, string? Reply,
    string? UnitOpinion, string? ContactName, string? ContactPhone);

/// <summary>The rules of submission, review rounds, the time limit and the gate (LR-1, LR-3 … LR-7).</summary>
public static class ReviewRules
{
    public const int ReviewWorkingDays = 5;
    public const int ExtensionWorkingDays = 5;

    public static readonly IReadOnlyList<ReviewReasonCategory> NotYetCategories =
        [ReviewReasonCategory.SupplementEvidence, ReviewReasonCategory.FixProcedure, ReviewReasonCategory.FixDocuments, ReviewReasonCategory.UnreasonableDiscretion];

    public static readonly IReadOnlyList<ReviewReasonCategory> DisagreeCategories =
        [ReviewReasonCategory.FactsUnclear, ReviewReasonCategory.EvidenceInsufficient, ReviewReasonCategory.WrongBasis,
         ReviewReasonCategory.IllegalProcedure, ReviewReasonCategory.BeyondAuthority, ReviewReasonCategory.ImproperDiscretion];

    public static string Label(ReviewOutcome o) => o switch
    {
        ReviewOutcome.Agree => "同意",
        ReviewOutcome.NotYet => "暂不同意",
        _ => "不同意",
    };

    public static string Label(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Submitted => "待审核",
        SubmissionStatus.Returned => "已退回",
        _ => "已审核",
    };

    public static string Label(ReviewItem i) => i switch
    {
        ReviewItem.Authority => "是否超越本机关法定权限",
        ReviewItem.SubjectAndQualification => "执法主体是否合法，执法人员是否具备执法资格",
        ReviewItem.Procedure => "执法程序是否合法",
        ReviewItem.FactsAndEvidence => "事实是否清楚，证据是否确凿",
        ReviewItem.LawAndDiscretion => "适用法律依据是否正确，裁量基准运用是否适当",
        ReviewItem.Documents => "执法文书是否完备、规范",
        _ => "是否涉嫌犯罪、需要移送司法机关",
    };

    public static string Label(ReviewReasonCategory c) => c switch
    {
        ReviewReasonCategory.SupplementEvidence => "需要补充或者重新调查收集证据",
        ReviewReasonCategory.FixProcedure => "需要补正执法程序",
        ReviewReasonCategory.FixDocuments => "需要规范法律文书制作",
        ReviewReasonCategory.UnreasonableDiscretion => "行政裁量不合理",
        ReviewReasonCategory.FactsUnclear => "违法事实不清",
        ReviewReasonCategory.EvidenceInsufficient => "主要证据不足",
        ReviewReasonCategory.WrongBasis => "依据适用错误",
        ReviewReasonCategory.IllegalProcedure => "违反法定程序",
        ReviewReasonCategory.BeyondAuthority => "超越职权",
        _ => "行政裁量明显不当",
    };

    public static string Label(ConsultantKind k) => k switch
    {
        ConsultantKind.LegalCounsel => "法律顾问",
        ConsultantKind.PublicLawyer => "公职律师",
        _ => "专家",
    };

    /// <summary>Reads an enum value from its name or its Chinese label.</summary>
    public static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(t, v.ToString(), StringComparison.OrdinalIgnoreCase) || t == label(v)) return v;
        return null;
    }

    /// <summary>Everything a submission lacks (seed 000 art. 6, art. 7 last paragraph), each named; empty when complete.</summary>
    public static ValidationErrors Missing(SubmissionMaterials m)
    {
        var errors = new ValidationErrors();
        void Part(string field, string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "missing", $"缺少情况说明的“{label}”");
        }
        Part("basicFacts", m.BasicFacts, "基本事实情况");
        Part("lawApplied", m.LawApplied, "适用法律、法规、规章的情况");
        Part("discretion", m.Discretion, "适用行政裁量权的情况");
        Part("investigation", m.Investigation, "调查取证情况");
        Part("hearingAndAppraisal", m.HearingAndAppraisal, "组织听证、评估、鉴定的情况");
        Part("procedureFollowed", m.ProcedureFollowed, "执行法定程序情况");
        if (!m.HasProposal) errors.Add("proposal", "missing", "缺少拟作出的执法决定书文本（请先填写拟作出的决定）");
        else if (!m.ProposalHasBasis) errors.Add("proposal", "missing_basis", "拟作出的决定未写明法律依据");
        if (m.EvidenceCount == 0) errors.Add("evidence", "missing", "缺少相关证据、依据材料（请选择本案的文书或音像记录）");
        if (m.Heard && !m.HearingRecordGiven) errors.Add("hearingRecordDocumentId", "missing", "经过听证程序的，应当提交听证笔录");
        if (m.AppraisalDone && !m.AppraisalReportGiven) errors.Add("appraisal", "missing", "经过评估、鉴定程序的，应当提交评估、鉴定报告");
        if (m.RequestedMaterial.Trim().Length > 0 && string.IsNullOrWhiteSpace(m.ExtraMaterial))
            errors.Add("extraMaterial", "missing", $"缺少法制审核机构要求补充的材料：{m.RequestedMaterial.Trim()}");
        if (m.AnswersAnOpinion && string.IsNullOrWhiteSpace(m.Reply))
            errors.Add("reply", "missing", "重新送审须答复上一轮法制审核意见");
        if (string.IsNullOrWhiteSpace(m.UnitOpinion)) errors.Add("unitOpinion", "missing", "缺少承办股室（单位）意见");
        errors.Required("contactName", m.ContactName, "联系人").Required("contactPhone", m.ContactPhone, "联系电话");
        return errors;
    }

    /// <summary>
    /// LR-4, LR-6: every item has a finding, a non-conforming one says why; 同意 only when every item conforms;
    /// 暂不同意 and 不同意 need reasons and at least one reason category of their own kind.
    /// </summary>
    public static ValidationErrors ValidateOpinion(ReviewOutcome? outcome, IReadOnlyList<ReviewFinding> findings, IReadOnlyList<ReviewReasonCategory> categories, string? reasons)
    {
        var errors = new ValidationErrors();
        if (outcome is null) errors.Add("outcome", "required", "请选择审核意见（同意、暂不同意或不同意）");
        foreach (var item in Enum.GetValues<ReviewItem>())
        {
            var found = findings.Where(f => f.Item == item).ToList();
            if (found.Count == 0) errors.Add($"findings.{item}", "required", $"缺少审核事项“{Label(item)}”的审核结论");
            else if (!found[0].Conforms && string.IsNullOrWhiteSpace(found[0].Note))
                errors.Add($"findings.{item}", "note_required", $"审核事项“{Label(item)}”存在问题的，须写明问题");
            foreach (var f in found) errors.MaxLength($"findings.{item}", f.Note, 2000, Label(item));
        }
        errors.MaxLength("reasons", reasons, 4000, "理由");
        if (outcome == ReviewOutcome.Agree)
        {
            var problems = findings.Where(f => !f.Conforms).Select(f => Label(f.Item)).Distinct().ToList();
            if (problems.Count > 0) errors.Add("outcome", "problems_found", $"审核事项存在问题的，不能出具同意的意见：{string.Join("；", problems)}");
        }
        else if (outcome is { } o)
        {
            var allowed = o == ReviewOutcome.NotYet ? NotYetCategories : DisagreeCategories;
            if (!categories.Any(allowed.Contains))
                errors.Add("reasonCategories", "required", $"出具{Label(o)}的意见，须选择理由类别（{string.Join("、", allowed.Select(Label))}）");
            var wrong = categories.Where(c => !allowed.Contains(c)).ToList();
            if (wrong.Count > 0) errors.Add("reasonCategories", "not_allowed", $"“{string.Join("、", wrong.Select(Label))}”不是{Label(o)}的理由类别");
            if (string.IsNullOrWhiteSpace(reasons)) errors.Add("reasons", "required", $"出具{Label(o)}的意见须说明理由（审核办法第九条）");
        }
        return errors;
    }

    /// <summary>
    /// 行政处罚法 art. 58: someone reviewing for the first time (no review completed before) needs legal
    /// qualification (法律职业资格); null when allowed.
    /// </summary>
    public static string? FirstReviewRefusal(bool hasLegalQualification, int reviewsCompletedBefore)
        => reviewsCompletedBefore == 0 && !hasLegalQualification
            ? "初次从事法制审核的人员应当取得法律职业资格（行政处罚法第五十八条），您的执法人员档案中没有法律职业资格，不能审核本案"
            : null;

    /// <summary>LR-5: due on the 5th working day after the day the materials were complete, or the 10th once extended.</summary>
    public static DateOnly Due(DateOnly completeOn, bool extended, Func<DateOnly, int, DateOnly> addWorkingDays)
        => addWorkingDays(completeOn, ReviewWorkingDays + (extended ? ExtensionWorkingDays : 0));

    /// <summary>LR-5: one extension, approved while the review is still within its limit; null when allowed.</summary>
    public static string? ExtensionRefusal(bool alreadyExtended, DateOnly today, DateOnly due)
    {
        if (alreadyExtended) return "审核期限已延长过一次，不能再次延长";
        if (today > due) return $"审核期限已于{due.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)}届满，不能再批准延长";
        return null;
    }

    public const string DueBasis = "审核办法第七条：自收到完整材料之日起5个工作日内（工作日）；情况复杂的，经分管领导批准可延长5个工作日";

    /// <summary>The latest round of a case as the gate needs it, with the 分管领导's opinion on it (null: not given yet).</summary>
    public sealed record LatestRound(int Round, SubmissionStatus Status, ReviewOutcome? Outcome, string ReviewedFingerprint, string ReviewedBy, DateOnly? ReviewedOn, DateOnly? Due,
        bool? LeaderAgrees, string LeaderOpinion);

    /// <summary>
    /// LR-1, LR-8: a flagged case is open only when the latest round is 同意, the proposal still has the fingerprint that
    /// was reviewed, and — where the agency's chain has it (<paramref name="leaderOpinionRequired"/>) — the 分管领导 agreed
    /// on the 法制审核表 (seed 000 appendix: 分管领导意见). A leader's 不同意 keeps it closed whatever the setting. Every
    /// other state says what is missing.
    /// </summary>
    public static LegalReviewGate Gate(IReadOnlyList<MajorReason> reasons, LatestRound? latest, string? currentFingerprint, bool leaderOpinionRequired)
    {
        if (reasons.Count == 0) return LegalReviewGate.NotRequired;
        var why = reasons.Select(r => r.Message).ToList();
        static string Day(DateOnly? d) => d?.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (latest is null) return new(true, why, false, "本案属于重大执法决定，尚未送法制审核");
        if (latest.Status == SubmissionStatus.Returned) return new(true, why, false, $"第{latest.Round}次送审材料已被法制审核机构退回，须补充后重新送审");
        if (latest.Status == SubmissionStatus.Submitted || latest.Outcome is null)
            return new(true, why, false, $"法制审核中（第{latest.Round}轮，{Day(latest.Due)}前完成审核），审核同意前不能作出决定");
        if (latest.Outcome != ReviewOutcome.Agree)
            return new(true, why, false, $"第{latest.Round}轮法制审核意见为{Label(latest.Outcome.Value)}，须按审核意见处理后重新送审");
        if (currentFingerprint is null || currentFingerprint != latest.ReviewedFingerprint)
            return new(true, why, false, "法制审核同意后，拟作出的决定已有实质变更，须重新送法制审核");
        if (latest.LeaderAgrees == false) return new(true, why, false, Messages.Get("legal_review.leader_disagreed", latest.Round, latest.LeaderOpinion));
        if (leaderOpinionRequired && latest.LeaderAgrees is null) return new(true, why, false, Messages.Get("legal_review.leader_opinion_missing"));
        return new(true, why, true, $"法制审核已同意（第{latest.Round}轮，{latest.ReviewedBy}，{Day(latest.ReviewedOn)}）{(latest.LeaderAgrees == true ? Messages.Get("legal_review.leader_agreed_suffix") : "")}");
    }

    /// <summary>
    /// LR-8: the 分管领导 signs an opinion on a round the review unit has answered, once, saying 同意 or 不同意 and why.
    /// </summary>
    public static ValidationErrors ValidateLeaderOpinion(bool roundAnswered, bool alreadyGiven, bool? agrees, string? text)
    {
        var errors = new ValidationErrors();
        if (!roundAnswered) errors.Add("text", "legal_review.leader_no_opinion", Messages.Get("legal_review.leader_no_opinion"));
        else if (alreadyGiven) errors.Add("text", "legal_review.leader_already_given", Messages.Get("legal_review.leader_already_given"));
        if (agrees is null) errors.Add("agrees", "legal_review.leader_agrees_required", Messages.Get("legal_review.leader_agrees_required"));
        if (string.IsNullOrWhiteSpace(text)) errors.Add("text", "required", Messages.Get("legal_review.leader_text_required"));
        else if (text.Length > 2000) errors.Add("text", "too_long", Messages.Get("legal_review.leader_text_too_long"));
        return errors;
    }

    /// <summary>
    /// LR-8: where the agency's chain has the 分管领导's opinion, the 法制审核表 of an agreed round is made only once it is
    /// signed (the form is not complete without it); null when the form may be made.
    /// </summary>
    public static ValidationError? FormRefusal(bool leaderOpinionRequired, ReviewOutcome? latestOutcome, bool leaderGiven)
        => leaderOpinionRequired && latestOutcome == ReviewOutcome.Agree && !leaderGiven
            ? new ValidationError("leaderOpinion", "legal_review.leader_opinion_missing", Messages.Get("legal_review.leader_opinion_missing"))
            : null;

    /// <summary>The leader's 同意 or 不同意, worded as the review unit's.</summary>
    public static string LeaderLabel(bool agrees) => Label(agrees ? ReviewOutcome.Agree : ReviewOutcome.Disagree);
}
