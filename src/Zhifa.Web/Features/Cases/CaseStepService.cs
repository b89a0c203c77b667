using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Cases;

public sealed record StepMoveInput(string? ToStep, string? Place, string? Note);

public sealed record NextStepView(string Step, string Label, bool Allowed, IReadOnlyList<UnmetCondition> Unmet);

/// <summary>Moves a case along its steps only through <see cref="CaseStateMachine"/>; a refused move changes nothing.</summary>
public sealed class CaseStepService(AppDbContext db, CurrentUser me, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    /// <summary>The facts of the case as the state machine needs them, read from the database today.</summary>
    public async Task<CaseFacts> FactsAsync(Case c)
    {
        var officerIds = await db.CaseOfficers.Where(o => o.CaseId == c.Id).Select(o => o.OfficerId).ToListAsync();
        var officers = await db.Officers.Include(o => o.Certificates).Where(o => officerIds.Contains(o.Id)).ToListAsync();
        int parties = await db.CaseParties.CountAsync(p => p.CaseId == c.Id);
        var passed = await db.CaseSteps.Where(h => h.CaseId == c.Id).Select(h => h.ToStep).ToListAsync();
        var recordedSteps = await db.Set<Record>().Where(r => r.CaseId == c.Id).Select(r => r.Step).Distinct().ToListAsync();
        recordedSteps.AddRange(await db.Set<RecordingExemption>().Where(x => x.CaseId == c.Id && x.Status == ExemptionStatus.Approved).Select(x => x.Step).ToListAsync());
        // REC-5: each mandatory-recording step the case went through needs a record registered to that step, or an approved explanation.
        bool recordsPresent = CaseStateMachine.MandatoryRecordingSteps(c.Category)
            .Where(passed.Contains)
            .All(step => recordedSteps.Contains(step) || recordedSteps.Contains(CaseSteps.Label(step)));
        return new CaseFacts(c.Category, c.Procedure, c.Step, officers.Count(o => o.IsQualifiedOn(Today)), parties, recordsPresent);
    }

    public async Task<List<NextStepView>> NextAsync(Case c)
    {
        var facts = await FactsAsync(c);
        return CaseStateMachine.NextSteps(facts).Select(s =>
        {
            var check = CaseStateMachine.Check(facts, s);
            return new NextStepView(s, CaseSteps.Label(s), check.IsAllowed, check.Unmet);
        }).ToList();
    }

    public async Task MoveAsync(Case c, StepMoveInput input)
    {
        var errors = new ValidationErrors().Required("toStep", input.ToStep, "目标环节")
            .MaxLength("place", input.Place, 200, "地点").MaxLength("note", input.Note, 2000, "说明");
        errors.ThrowIfAny();
        var check = CaseStateMachine.Check(await FactsAsync(c), input.ToStep!);
        if (!check.IsAllowed)
            throw new DomainValidationException(check.Unmet.Select(u => new ValidationError("toStep", u.Code, u.Message)).ToList());
        var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
        db.CaseSteps.Add(new CaseStepRecord
        {
            CaseId = c.Id, FromStep = tracked.Step, ToStep = input.ToStep!, At = db.UtcNow, By = me.UserName,
            Place = input.Place?.Trim() ?? "", Note = input.Note?.Trim() ?? "",
        });
        tracked.Step = input.ToStep!;
        await db.SaveChangesAsync();
        c.Step = tracked.Step;
    }
}
