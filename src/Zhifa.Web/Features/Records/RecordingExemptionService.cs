using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Records;

public sealed record ExemptionInput(string? Step, ExemptionReason? Reason, string? Explanation);

public sealed record ExemptionView(int Id, int CaseId, string Step, string StepLabel, string Reason, string ReasonLabel, string Explanation,
    string RequestedBy, DateTime RequestedAt, string Status, string StatusLabel, string DecidedBy, DateTime? DecidedAt, string DecisionNote);

/// <summary>REC-5: explanations for mandatory-recording steps without a record, approved by the head.</summary>
public sealed class RecordingExemptionService(AppDbContext db, CurrentUser me, TimeProvider time, Cases.CaseService cases)
{
    public static bool MayDecide(CurrentUser user) => user.IsInRole(Roles.Head);

    public async Task<Case?> FindCaseAsync(int caseId)
    {
        var c = await cases.FindAsync(caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<RecordingExemption?> FindAsync(int exemptionId)
    {
        var x = await db.Set<RecordingExemption>().FirstOrDefaultAsync(e => e.Id == exemptionId);
        return x is not null && await me.CanSee(x.AgencyId) ? x : null;
    }

    public async Task<List<ExemptionView>> ListAsync(int caseId)
        => (await db.Set<RecordingExemption>().AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync()).Select(View).ToList();

    public async Task<RecordingExemption> CreateAsync(Case c, ExemptionInput input)
    {
        RecordingExemption.Validate(input.Step?.Trim(), input.Reason, input.Explanation, CaseStateMachine.MandatoryRecordingSteps(c.Category)).ThrowIfAny();
        var x = new RecordingExemption
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Step = input.Step!.Trim(), Reason = input.Reason!.Value, Explanation = input.Explanation!.Trim(),
            RequestedByUserId = me.UserId ?? 0, RequestedBy = me.UserName, RequestedAt = time.GetUtcNow().UtcDateTime, Status = ExemptionStatus.Pending,
        };
        db.Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    public async Task DecideAsync(RecordingExemption x, bool approve, string? note)
    {
        x.Decide(approve, me.UserName, me.UserId ?? 0, note, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public static ExemptionView View(RecordingExemption x) => new(x.Id, x.CaseId, x.Step, CaseSteps.Label(x.Step), x.Reason.ToString(),
        RecordingExemption.Label(x.Reason), x.Explanation, x.RequestedBy, x.RequestedAt, x.Status.ToString(), RecordingExemption.Label(x.Status),
        x.DecidedBy, x.DecidedAt, x.DecisionNote);
}

/// <summary>REC-5 for the case's table (<see cref="Cases.ICaseRecordedSteps"/>): the steps with a record or an approved exemption.</summary>
public sealed class CaseRecordedSteps(AppDbContext db) : Cases.ICaseRecordedSteps
{
    public async Task<List<string>> RecordedStepsAsync(int caseId)
    {
        var steps = await db.Set<Record>().Where(r => r.CaseId == caseId).Select(r => r.Step).Distinct().ToListAsync();
        steps.AddRange(await db.Set<RecordingExemption>().Where(x => x.CaseId == caseId && x.Status == ExemptionStatus.Approved).Select(x => x.Step).ToListAsync());
        return steps;
    }
}
