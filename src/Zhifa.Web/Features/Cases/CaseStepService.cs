using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

public sealed record StepMoveInput(string? ToStep, string? Place, string? Note);

public sealed record NextStepView(string Step, string Label, bool Allowed, IReadOnlyList<UnmetCondition> Unmet);

/// <summary>Moves a case along its steps only through <see cref="CaseStateMachine"/>; a refused move changes nothing.</summary>
public sealed class CaseStepService(AppDbContext db, CurrentUser me, TimeProvider time, ICaseReviewState legalReview,
    ICaseDecisionState decisionFacts, ICaseExecutionState execution, ICaseRecordState documents, DomainEvents events,
    ICaseRecordedSteps recordings, Agencies.AgencyService agencies, Officers.OfficerService officerService)
{
    private DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    /// <summary>The facts of the case as its table needs them, read from the database today: every one of them.</summary>
    public async Task<CaseFacts> FactsAsync(Case c)
    {
        // 行政处罚法第四十三条: an officer whose recusal was granted no longer handles the case.
        var officerIds = await db.CaseOfficers.Where(o => o.CaseId == c.Id && o.RecusedAt == null).Select(o => o.OfficerId).ToListAsync();
        var officers = await officerService.WithCertificatesAsync(officerIds);
        int parties = await db.CaseParties.CountAsync(p => p.CaseId == c.Id);
        var passed = await db.CaseSteps.Where(h => h.CaseId == c.Id).Select(h => h.ToStep).ToListAsync();
        var recordedSteps = await recordings.RecordedStepsAsync(c.Id);
        // REC-5: each mandatory-recording step the case went through needs a record registered to that step, or an approved explanation.
        bool recordsPresent = CaseStateMachine.MandatoryRecordingSteps(c.Category)
            .Where(passed.Contains)
            .All(step => recordedSteps.Contains(step) || recordedSteps.Contains(CaseSteps.Label(step)));
        var gate = await legalReview.GateAsync(c);
        var simpleProblems = await decisionFacts.SimpleProcedureProblemsAsync(c);
        var (served, incomplete) = await execution.FactsAsync(c);
        var d = await decisionFacts.StepFactsAsync(c, gate);
        var agency = await agencies.FindAsync(c.AgencyId) ?? throw new InvalidOperationException("agency " + c.AgencyId + " not found");
        var minors = await decisionFacts.MinorFactsAsync(c);
        return new CaseFacts
        {
            Category = c.Category, Procedure = c.Procedure, Step = c.Step, AgencyId = c.AgencyId, AgencyName = agency.Name,
            ReconsiderationOrganSet = !string.IsNullOrWhiteSpace(agency.ReconsiderationOrgan), CompetentCourtSet = !string.IsNullOrWhiteSpace(agency.CompetentCourt),
            HandlerOfficerIds = officerIds.ToHashSet(),
            QualifiedOfficers = officers.Count(o => o.IsQualifiedOn(Today)),
            Parties = parties,
            PartiesUnderFourteen = minors.UnderFourteen, PartiesUnderEighteen = minors.UnderEighteen,
            ProposalPenalises = minors.Penalises, ProposalLightened = minors.Lightened,
            MandatoryRecordsPresent = recordsPresent,
            UnsignedRecords = await documents.UnsignedRecordsAsync(c.Id),
            MajorDecision = gate.Required, LegalReviewAllows = gate.IsOpen, LegalReviewMessage = gate.Message.Length > 0 ? "：" + gate.Message : "",
            SimpleProcedureProblems = c.Procedure == CaseProcedure.Simple ? simpleProblems : [],
            ProposalMade = d.ProposalMade, ProposalHasDecisionDocument = d.ProposalHasDecisionDocument, LegalBasisGiven = d.LegalBasisGiven,
            MissingReasons = d.MissingReasons,
            NoticeServed = d.NoticeServed, StatementPeriodEnds = d.StatementPeriodEnds, StatementPeriodOverOrWaived = d.StatementPeriodOverOrWaived,
            UnansweredStatements = d.UnansweredStatements, HearingPending = d.HearingPending, Discussion = d.Discussion,
            HeavierThanNotice = d.HeavierThanNotice, DeputyHeadMaySign = d.DeputyHeadMaySign,
            DecisionServed = served, ExecutionIncomplete = incomplete,
        };
    }

    /// <summary>Every step the case could move to next, with what the signed-in account may not do and what still blocks it.</summary>
    public async Task<List<NextStepView>> NextAsync(Case c)
    {
        var facts = await FactsAsync(c);
        var actor = await me.ActorAsync();
        return CaseStateMachine.NextSteps(facts).Select(s =>
        {
            var check = CaseStateMachine.Check(facts, s, actor);
            return new NextStepView(s, CaseSteps.Label(s), check.IsAllowed, check.All);
        }).ToList();
    }

    /// <summary>May the signed-in account make this move now? (<paramref name="act"/>: the service act asking, see <see cref="CaseActs"/>.)</summary>
    public async Task<MoveCheck> CheckAsync(Case c, string toStep, string? act = null)
        => CaseStateMachine.Check(await FactsAsync(c), toStep, await me.ActorAsync(), act);

    /// <summary>Moves the case when the table allows it for the signed-in account; refused, nothing changes and every reason is returned.</summary>
    public async Task<Outcome<Case>> MoveAsync(Case c, StepMoveInput input, string? act = null)
    {
        var errors = new ValidationErrors().Required("toStep", input.ToStep, T("cases.step_form.field.to_step"))
            .MaxLength("place", input.Place, 200, T("cases.step_form.field.place")).MaxLength("note", input.Note, 2000, T("cases.step_form.field.note"));
        errors.ThrowIfAny();
        var check = await CheckAsync(c, input.ToStep!, act);
        if (!check.IsAllowed) return Outcome<Case>.Refused(check);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
        var from = tracked.Step;
        db.CaseSteps.Add(new CaseStepRecord
        {
            CaseId = c.Id, FromStep = tracked.Step, ToStep = input.ToStep!, At = db.UtcNow, By = me.UserName,
            Place = input.Place?.Trim() ?? "", Note = input.Note?.Trim() ?? "",
        });
        tracked.Step = input.ToStep!;
        await db.SaveChangesAsync();
        c.Step = tracked.Step;
        // Other areas react in this transaction (PUB-4: the decision's publication task opens with the move to 决定).
        await events.PublishAsync(new CaseMoved(c, from, c.Step));
        if (tx is not null) await tx.CommitAsync();
        return Outcome<Case>.Done(c);
    }
}

/// <summary>
/// A time limit running for a case; <see cref="Extended"/> when an approved extension moved its end;
/// <see cref="CalendarEstimated"/> when it used a year whose holiday notice is not loaded, <see cref="CalendarNote"/> saying so.
/// </summary>
public sealed record DeadlineView(string Label, DateOnly Due, bool Overdue, string Basis, bool Extended = false,
    bool CalendarEstimated = false, string? CalendarNote = null);

/// <summary>
/// Another area's time limits of a case (execution, publication …), shown among the case's own; the case area asks its
/// registered sources instead of calling those areas.
/// </summary>
public interface ICaseDeadlineSource
{
    Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(Case c);
}

/// <summary>The time limits that run for a case now, computed from its history on every request (never stored).</summary>
public sealed class CaseDeadlineService(TimeProvider time, SeizureExtensionService seizures, EvidencePreservationService preservations, ICaseExecutionState execution,
    IEnumerable<ICaseDeadlineSource> sources)
{
    private static readonly string[] Decided = [CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed, CaseSteps.Closed, CaseSteps.Archived];

    public async Task<List<DeadlineView>> ForAsync(Case c)
    {
        var today = DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));
        var list = new List<DeadlineView>();
        if (c.Category == CaseCategory.Penalty && c.Procedure == CaseProcedure.General && !Decided.Contains(c.Step))
        {
            int extended = await execution.ExtensionDaysAsync(c.Id);
            var due = CaseDeadlines.PenaltyDecisionDue(DateOnly.FromDateTime(Display.ToChina(c.OpenedAt)), extended);
            list.Add(new DeadlineView(T("cases.deadline.decision"), due, today > due, extended > 0 ? T("cases.deadline.decision.basis_extended", extended) : T("cases.deadline.decision.basis")));
        }
        if (c.Category == CaseCategory.Penalty)
        {
            // LAW-5 art. 56: every preservation still holding items has its own 处理决定 due.
            foreach (var p in (await preservations.ListAsync(c.Id)).Where(p => p.IsOpen))
                list.Add(new DeadlineView(T("cases.deadline.preservation", Short(p.Items), CaseDeadlines.Label(p.StartedOn)),
                    p.DecisionDue, p.Overdue, p.DueBasis, CalendarEstimated: p.CalendarEstimated, CalendarNote: p.CalendarNote));
        }
        if (SeizureExtension.SeizureInForce(c.Category, c.Step) && await seizures.TermAsync(c) is { EndsOn: { } ends } term)
        {
            var basis = T("cases.deadline.seizure.basis");
            list.Add(term.ExtendedEndsOn is { } extended
                ? new DeadlineView(T("cases.deadline.seizure_extended", term.ExtensionDays, CaseDeadlines.Label(ends)), extended, today > extended, basis, Extended: true)
                : new DeadlineView(T("cases.deadline.seizure"), ends, today > ends, basis));
        }
        foreach (var source in sources) list.AddRange(await source.DeadlinesAsync(c));
        return list;
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 20 ? line : line[..20] + "…";
    }
}
