namespace Zhifa.Domain.Cases;

/// <summary>What the rules need to know about a case to decide a move; the caller fills it from the case.</summary>
public sealed record CaseFacts(
    CaseCategory Category,
    CaseProcedure Procedure,
    string Step,
    /// <summary>Handling officers with a certificate valid today (LAW-3: at least two).</summary>
    int QualifiedOfficers,
    int Parties,
    /// <summary>REC-5: every mandatory-recording step the case went through has its record (or an approved explanation).</summary>
    bool MandatoryRecordsPresent = true,
    /// <summary>LR-1: filled by the legal review of major decisions; true while the case needs none.</summary>
    bool LegalReviewPassedOrNotRequired = true,
    /// <summary>LAW-4: the statement period after the notice has passed, or the party waived it.</summary>
    bool NoticePeriodOverOrWaived = true,
    /// <summary>LAW-5: the proposed penalty may be decided on the spot (see <see cref="SimpleProcedure"/>).</summary>
    bool SimpleProcedureEligible = true,
    /// <summary>LAW-5: why the proposal cannot be decided on the spot (<see cref="SimpleProcedure.Problems"/>), named in the refusal.</summary>
    IReadOnlyList<string>? SimpleProcedureProblems = null,
    /// <summary>LR-1: why the legal review does not yet allow the decision (e.g. a material change after approval).</summary>
    string LegalReviewMessage = "",
    /// <summary>LAW-5 art. 61: the decision has a recorded service (filled by Execution).</summary>
    bool DecisionServed = true,
    /// <summary>LAW-7/LAW-8: why the execution is not complete (unpaid, not enforced, no 结案报告); null when it is.</summary>
    string? ExecutionIncomplete = null,
    /// <summary>LAW-4: the 行政处罚事先告知书 was made and served on the party.</summary>
    bool NoticeServed = true,
    /// <summary>LAW-6: a hearing the party asked for has been held (or the request withdrawn).</summary>
    bool HearingSettled = true,
    /// <summary>LAW-4 art. 57: a major or complex case was discussed collectively and the discussion concluded.</summary>
    bool CollectiveDiscussionConcludedOrNotRequired = true,
    /// <summary>LAW-4 art. 62: the decision is not heavier than the last notice served.</summary>
    bool NotHeavierThanNotice = true,
    /// <summary>REC-4: the decision states 证据采信理由, 依据选择理由 and 裁量理由.</summary>
    bool DecisionReasonsGiven = true,
    /// <summary>REC-4: the head signed and the decision document was generated and numbered (issued with the move).</summary>
    bool DecisionDocumentIssued = true);

/// <summary>One reason a move is refused: a stable code for machines and a Chinese message for people.</summary>
public sealed record UnmetCondition(string Code, string Message);

public sealed record TransitionCheck(string From, string To, IReadOnlyList<UnmetCondition> Unmet)
{
    public bool IsAllowed => Unmet.Count == 0;
}

/// <summary>
/// The lifecycle of a case (REC-2) as one table of moves: a case moves only along the table, one step at a time, and
/// only when every condition of the move holds. A refused move names every unmet condition; nothing is skipped and
/// nothing silently does nothing.
/// </summary>
public static class CaseStateMachine
{
    private delegate UnmetCondition? Condition(CaseFacts facts);

    private sealed record Move(CaseCategory Category, CaseProcedure? Procedure, string From, string To, Condition[] Conditions);

    private static readonly Condition TwoOfficers = f => f.QualifiedOfficers >= 2 ? null
        : new("officers.too_few", $"承办执法人员须至少两名持有效执法证的人员（现有 {f.QualifiedOfficers} 名）");
    private static readonly Condition HasParty = f => f.Parties > 0 ? null : new("parties.none", "案件尚无当事人");
    private static readonly Condition RecordsPresent = f => f.MandatoryRecordsPresent ? null
        : new("records.mandatory_missing", "应当全程音像记录的环节缺少记录，且没有经负责人批准的书面说明");
    private static readonly Condition LegalReview = f => f.LegalReviewPassedOrNotRequired ? null
        : new("legal_review.not_passed", "重大执法决定须经法制审核同意后方可作出" + (f.LegalReviewMessage.Length > 0 ? "：" + f.LegalReviewMessage : ""));
    private static readonly Condition NoticePeriod = f => f.NoticePeriodOverOrWaived ? null
        : new("notice.period_not_over", "陈述、申辩期限未满且当事人未放弃，不能作出决定");
    private static readonly Condition NoticeServed = f => f.NoticeServed ? null
        : new("notice.not_served", "行政处罚事先告知书尚未制作或尚未送达当事人");
    private static readonly Condition HearingSettled = f => f.HearingSettled ? null
        : new("hearing.not_held", "当事人申请了听证，听证尚未举行");
    private static readonly Condition Discussion = f => f.CollectiveDiscussionConcludedOrNotRequired ? null
        : new("discussion.not_concluded", "重大或情节复杂的案件须经负责人集体讨论决定（行政处罚法第五十七条）");
    private static readonly Condition NotHeavier = f => f.NotHeavierThanNotice ? null
        : new("decision.heavier_than_notice", "拟作出的决定重于已送达的事先告知书，须重新告知（行政处罚法第六十二条）");
    private static readonly Condition Reasons = f => f.DecisionReasonsGiven ? null
        : new("decision.reasons_missing", "决定须说明证据采信理由、依据选择理由和裁量理由（REC-4）");
    private static readonly Condition Issued = f => f.DecisionDocumentIssued ? null
        : new("decision.not_issued", "决定须由负责人在“决定”页签发，生成并编号决定书");
    private static readonly Condition SimpleEligible = f => f.SimpleProcedureEligible ? null
        : new("simple.not_eligible", f.SimpleProcedureProblems is { Count: > 0 } problems
            ? "不能适用简易程序当场作出决定：" + string.Join("；", problems)
            : "简易程序仅适用于警告或对公民 200 元以下、对法人或其他组织 3000 元以下罚款（行政处罚法第五十一条）");

    private static readonly Condition Served = f => f.DecisionServed ? null
        : new("service.decision_not_served", "决定书尚未送达：须先登记决定书的送达记录（行政处罚法第六十一条）");
    private static readonly Condition ExecutionComplete = f => f.ExecutionIncomplete is null ? null
        : new("execution.incomplete", "执行尚未完毕，不能结案：" + f.ExecutionIncomplete);

    private static readonly Move[] Table = Build();

    private static Move[] Build()
    {
        var moves = new List<Move>();
        void Chain(CaseCategory category, CaseProcedure? procedure, params (string From, string To, Condition[] Conditions)[] steps)
        {
            foreach (var (from, to, conditions) in steps) moves.Add(new Move(category, procedure, from, to, conditions));
        }

        Chain(CaseCategory.Penalty, CaseProcedure.General,
            (CaseSteps.Filed, CaseSteps.Investigation, [TwoOfficers, HasParty]),
            (CaseSteps.Investigation, CaseSteps.InternalReview, [TwoOfficers]),
            (CaseSteps.InternalReview, CaseSteps.Notice, [TwoOfficers]),
            (CaseSteps.Notice, CaseSteps.Statement, [NoticeServed]),
            (CaseSteps.Statement, CaseSteps.Decided, [TwoOfficers, HasParty, NoticePeriod, LegalReview, HearingSettled, Discussion, NotHeavier, Reasons, Issued]),
            (CaseSteps.Decided, CaseSteps.Served, [Served]),
            (CaseSteps.Served, CaseSteps.Executed, []),
            (CaseSteps.Executed, CaseSteps.Closed, [RecordsPresent, ExecutionComplete]),
            (CaseSteps.Closed, CaseSteps.Archived, []));
        Chain(CaseCategory.Penalty, CaseProcedure.Simple,
            (CaseSteps.Filed, CaseSteps.Decided, [TwoOfficers, HasParty, SimpleEligible]),
            (CaseSteps.Decided, CaseSteps.Served, [Served]),
            (CaseSteps.Served, CaseSteps.Executed, []),
            (CaseSteps.Executed, CaseSteps.Closed, [RecordsPresent, ExecutionComplete]),
            (CaseSteps.Closed, CaseSteps.Archived, []));
        Chain(CaseCategory.Inspection, null,
            (CaseSteps.InspectionStarted, CaseSteps.OnSiteInspection, [TwoOfficers]),
            (CaseSteps.OnSiteInspection, CaseSteps.InspectionResult, []),
            (CaseSteps.InspectionResult, CaseSteps.Closed, [RecordsPresent]),
            (CaseSteps.Closed, CaseSteps.Archived, []));
        Chain(CaseCategory.Coercion, null,
            (CaseSteps.CoercionApproval, CaseSteps.CoercionImplemented, [TwoOfficers, HasParty]),
            (CaseSteps.CoercionImplemented, CaseSteps.CoercionHandling, []),
            (CaseSteps.CoercionHandling, CaseSteps.CoercionResolved, [TwoOfficers]),
            (CaseSteps.CoercionResolved, CaseSteps.Closed, [RecordsPresent]),
            (CaseSteps.Closed, CaseSteps.Archived, []));
        foreach (var category in new[] { CaseCategory.Licensing, CaseCategory.Expropriation, CaseCategory.Confirmation })
        {
            Chain(category, null,
                (CaseSteps.Accepted, CaseSteps.Examination, []),
                (CaseSteps.Examination, CaseSteps.Decided, [TwoOfficers, HasParty]),
                (CaseSteps.Decided, CaseSteps.Served, []),
                (CaseSteps.Served, CaseSteps.Closed, [RecordsPresent]),
                (CaseSteps.Closed, CaseSteps.Archived, []));
        }
        return moves.ToArray();
    }

    private static IEnumerable<Move> MovesOf(CaseFacts f)
        => Table.Where(m => m.Category == f.Category && (m.Procedure is null || m.Procedure == f.Procedure));

    /// <summary>The procedures a category runs (a penalty has two; the others one), for showing every path.</summary>
    public static IReadOnlyList<(CaseCategory Category, CaseProcedure Procedure)> Procedures { get; } =
        Table.Select(m => (m.Category, m.Procedure ?? CaseProcedure.Standard)).Distinct().ToList();

    /// <summary>
    /// The moves of a path as the table has them, each with every condition it checks (the unmet form of each, as a
    /// case that met none of them would read it) — what a published flowchart (PUB-2) draws.
    /// </summary>
    public static IReadOnlyList<TransitionCheck> Moves(CaseCategory category, CaseProcedure procedure)
    {
        var none = new CaseFacts(category, procedure, "", 0, 0, MandatoryRecordsPresent: false, LegalReviewPassedOrNotRequired: false,
            NoticePeriodOverOrWaived: false, SimpleProcedureEligible: false, DecisionServed: false, ExecutionIncomplete: "",
            NoticeServed: false, HearingSettled: false, CollectiveDiscussionConcludedOrNotRequired: false, NotHeavierThanNotice: false,
            DecisionReasonsGiven: false, DecisionDocumentIssued: false);
        return MovesOf(none).Select(m => new TransitionCheck(m.From, m.To, m.Conditions.Select(c => c(none)).OfType<UnmetCondition>().ToList())).ToList();
    }

    /// <summary>Every step the case could move to next, whether or not its conditions hold now.</summary>
    public static IReadOnlyList<string> NextSteps(CaseFacts facts) => MovesOf(facts).Where(m => m.From == facts.Step).Select(m => m.To).ToList();

    /// <summary>All steps of the category's path, in order; for showing where a case stands.</summary>
    public static IReadOnlyList<string> Path(CaseCategory category, CaseProcedure procedure)
    {
        var moves = MovesOf(new CaseFacts(category, procedure, "", 0, 0)).ToList();
        var path = new List<string> { moves[0].From };
        foreach (var m in moves) path.Add(m.To);
        return path;
    }

    public static TransitionCheck Check(CaseFacts facts, string to)
    {
        var move = MovesOf(facts).FirstOrDefault(m => m.From == facts.Step && m.To == to);
        if (move is null)
        {
            var next = NextSteps(facts);
            var message = next.Count == 0
                ? $"案件处于“{CaseSteps.Label(facts.Step)}”，已无后续环节"
                : $"案件处于“{CaseSteps.Label(facts.Step)}”，下一环节只能是{string.Join("或", next.Select(s => $"“{CaseSteps.Label(s)}”"))}，不能转到“{CaseSteps.Label(to)}”";
            return new TransitionCheck(facts.Step, to, [new UnmetCondition("transition.not_allowed", message)]);
        }
        return new TransitionCheck(facts.Step, to, move.Conditions.Select(c => c(facts)).OfType<UnmetCondition>().ToList());
    }

    /// <summary>The steps at which audio-video recording is mandatory (REC-5) for the category.</summary>
    public static IReadOnlyList<string> MandatoryRecordingSteps(CaseCategory category) => category switch
    {
        CaseCategory.Coercion => [CaseSteps.CoercionImplemented],
        CaseCategory.Inspection => [CaseSteps.OnSiteInspection],
        CaseCategory.Penalty => [CaseSteps.Investigation],
        _ => [],
    };
}
