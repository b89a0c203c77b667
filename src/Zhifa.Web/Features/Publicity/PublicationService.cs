using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public sealed record ApprovalInput(string? Note);

/// <summary>What one kind of publication (decision, pre-disclosure list, annual report) adds to the common chain.</summary>
public interface IPublicationKind
{
    PublicationKind Kind { get; }

    /// <summary>What the item still lacks before it may enter the chain; empty when it is ready.</summary>
    Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p);

    /// <summary>The published version no longer matches the data it was made from (PUB-2 动态调整, PUB-9 stale).</summary>
    Task<bool> IsStaleAsync(Publication published) => Task.FromResult(false);
}
public sealed record PolicyInput(bool? UnitHeadCheck, bool? DeputyHeadCheck, int? ShortPeriodMonths, int? LongPeriodMonths, decimal? SmallFineYuan);

public sealed record PolicyView(int AgencyId, bool UnitHeadCheck, bool DeputyHeadCheck, int ShortPeriodMonths, int LongPeriodMonths,
    decimal SmallFineYuan, IReadOnlyList<string> DecisionChain, IReadOnlyList<string> PreDisclosureChain, bool IsDefault);

public sealed record ApprovalView(string Step, string StepLabel, string Outcome, string Note, DateTime At, string By, bool Current);

/// <summary>Where an item stands in its chain: the steps in order, which are done, and which one waits.</summary>
public sealed record ChainView(IReadOnlyList<ChainStepView> Steps, string? WaitingStep, string? WaitingLabel, string? WaitingRole);
public sealed record ChainStepView(string Step, string Label, bool Done, string By, DateTime? At, string Note);

/// <summary>
/// PUB-1: the approval chain every publication passes — prepared by the owner unit, checked as the agency's chain says,
/// signed off by the head — and what happens on release: the older version is superseded, the item goes public (or,
/// proposed not to be disclosed, is recorded as NotDisclosed). Each act is an audited change of the rows.
/// </summary>
public sealed class PublicationService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar,
    IEnumerable<IPublicationKind> kinds)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;
    public DateOnly Today => CaseService.ChinaDay(Now);

    public async Task<Publication?> FindVisibleAsync(int id)
    {
        var p = await db.Set<Publication>().Include(x => x.Approvals).FirstOrDefaultAsync(x => x.Id == id);
        return p is not null && await me.CanSee(p.AgencyId) ? p : null;
    }

    public async Task<List<Publication>> VersionsAsync(int seriesId)
        => await db.Set<Publication>().AsNoTracking().Where(x => x.SeriesId == seriesId).OrderBy(x => x.Version).ToListAsync();

    // ---- policy ----

    public async Task<PublicationPolicy> PolicyAsync(int agencyId)
        => await db.Set<PublicationPolicy>().AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == agencyId) ?? new PublicationPolicy { AgencyId = agencyId };

    public async Task<PolicyView> PolicyViewAsync(int agencyId)
    {
        bool exists = await db.Set<PublicationPolicy>().AnyAsync(x => x.AgencyId == agencyId);
        return View(await PolicyAsync(agencyId), !exists);
    }

    public static PolicyView View(PublicationPolicy p, bool isDefault) => new(p.AgencyId, p.UnitHeadCheck, p.DeputyHeadCheck, p.ShortPeriodMonths,
        p.LongPeriodMonths, p.SmallFineYuan,
        [.. PublicationRules.Chain(p, PublicationKind.Decision).Select(PublicationRules.Label)],
        [.. PublicationRules.Chain(p, PublicationKind.PreDisclosure).Select(PublicationRules.Label)], isDefault);

    /// <summary>Only the agency's administrator or head sets its chain and periods; items already in the chain follow the new chain.</summary>
    public bool MaySetPolicy(int agencyId) => (me.IsInRole(Roles.Head) && me.AgencyId == agencyId) || me.IsAdministrator;

    public async Task<PolicyView> SetPolicyAsync(int agencyId, PolicyInput input)
    {
        var p = await db.Set<PublicationPolicy>().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        var current = p ?? new PublicationPolicy { AgencyId = agencyId };
        int shortMonths = input.ShortPeriodMonths ?? current.ShortPeriodMonths, longMonths = input.LongPeriodMonths ?? current.LongPeriodMonths;
        decimal small = input.SmallFineYuan ?? current.SmallFineYuan;
        PublicationRules.ValidatePolicy(shortMonths, longMonths, small).ThrowIfAny();
        if (p is null) db.Add(p = current);
        p.UnitHeadCheck = input.UnitHeadCheck ?? p.UnitHeadCheck;
        p.DeputyHeadCheck = input.DeputyHeadCheck ?? p.DeputyHeadCheck;
        p.ShortPeriodMonths = shortMonths;
        p.LongPeriodMonths = longMonths;
        p.SmallFineYuan = small;
        p.UpdatedAt = Now;
        p.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return View(p, false);
    }

    // ---- creating ----

    /// <summary>Adds the first version of an item; its id becomes the series' stable id. Joins the caller's transaction if any.</summary>
    public async Task<Publication> AddFirstVersionAsync(Publication p)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        p.Version = 1;
        p.Status = PublicationStatus.Draft;
        p.CreatedAt = Now;
        p.CreatedBy = me.UserName;
        db.Add(p);
        await db.SaveChangesAsync();
        p.SeriesId = p.Id;
        await db.SaveChangesAsync();
        if (tx is not null) await tx.CommitAsync();
        return p;
    }

    /// <summary>
    /// Starts the next version of a published item (an update, PUB-7, or a new list version, PUB-2) as a draft copy of the
    /// latest one; the published one stays public until the new one is released. Only one draft at a time.
    /// </summary>
    public async Task<Publication> NewVersionAsync(Publication from)
    {
        var versions = await VersionsAsync(from.SeriesId);
        if (versions.FirstOrDefault(v => PublicationRules.IsOpen(v.Status)) is { } open)
            throw new DomainValidationException("version", "draft_exists", $"第 {open.Version} 版尚未发布，请在该版本上修改");
        var last = versions[^1];
        var next = new Publication
        {
            SeriesId = last.SeriesId, Version = last.Version + 1, AgencyId = last.AgencyId, UnitId = last.UnitId, Kind = last.Kind,
            Status = PublicationStatus.Draft, Title = last.Title, CaseId = last.CaseId, DecisionId = last.DecisionId, Category = last.Category,
            TriggeredOn = Today, Form = last.Form, DocumentNumber = last.DocumentNumber, PartyDisplay = last.PartyDisplay,
            PartyCreditCode = last.PartyCreditCode, Violation = last.Violation, LegalBasis = last.LegalBasis, Conclusion = last.Conclusion,
            FineYuan = last.FineYuan, DecidedOn = last.DecidedOn, LegalStatus = last.LegalStatus, LegalStatusNote = last.LegalStatusNote,
            ListKey = last.ListKey, CreatedAt = Now, CreatedBy = me.UserName,
        };
        db.Add(next);
        await db.SaveChangesAsync();
        return next;
    }

    // ---- the chain ----

    public async Task<ChainView> ChainAsync(Publication p)
    {
        var chain = PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind);
        var current = p.Approvals.Where(a => a.Current).ToList();
        var prepared = current.LastOrDefault(a => a.Step == ApprovalStep.Prepared);
        var steps = new List<ChainStepView>
        {
            new(nameof(ApprovalStep.Prepared), PublicationRules.Label(ApprovalStep.Prepared), prepared is not null, prepared?.ByName ?? "", prepared?.At, prepared?.Note ?? ""),
        };
        foreach (var s in chain)
        {
            var a = current.LastOrDefault(x => x.Step == s && x.Outcome == ApprovalOutcome.Approved);
            steps.Add(new(s.ToString(), PublicationRules.Label(s), a is not null, a?.ByName ?? "", a?.At, a?.Note ?? ""));
        }
        ApprovalStep? waiting = p.Status switch
        {
            PublicationStatus.Draft => ApprovalStep.Prepared,
            PublicationStatus.Approving => PublicationRules.NextStep(chain, current),
            _ => null,
        };
        return new ChainView(steps, waiting?.ToString(), waiting is { } w ? PublicationRules.Label(w) : null,
            waiting is { } r ? Roles.Label(PublicationRules.RoleFor(r)) : null);
    }

    /// <summary>Why the signed-in user may not submit the item, or null when they may.</summary>
    public string? WhyNotSubmit(Publication p)
    {
        if (me.AgencyId != p.AgencyId) return "只有本机关人员可以提交公示审核";
        if (!PublicationRules.PreparerRoles.Any(me.IsInRole)) return "只有承办科室人员或公示管理员可以提交公示审核";
        return null;
    }

    /// <summary>Why the signed-in user may not act at the waiting step, or null when they may.</summary>
    public async Task<string?> WhyNotApproveAsync(Publication p)
    {
        if (p.Status != PublicationStatus.Approving) return null; // the service names the state problem as a validation error
        var step = PublicationRules.NextStep(PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind), p.Approvals);
        if (step is null) return null;
        var role = PublicationRules.RoleFor(step.Value);
        if (me.AgencyId != p.AgencyId || !me.IsInRole(role)) return $"“{PublicationRules.Label(step.Value)}”须由本机关{Roles.Label(role)}办理";
        return null;
    }

    /// <summary>
    /// The owner unit submits the prepared item into the chain. What its kind still lacks (e.g. an unconfirmed
    /// redaction) refuses the submission and is named.
    /// </summary>
    public async Task SubmitAsync(Publication p, ApprovalInput input)
    {
        var errors = new ValidationErrors();
        if (p.Status != PublicationStatus.Draft) errors.Add("status", "not_draft", $"当前状态为“{PublicationRules.Label(p.Status)}”，不能提交审核");
        else if (kinds.FirstOrDefault(k => k.Kind == p.Kind) is { } kind) errors.AddRange(await kind.ReadinessAsync(p));
        errors.MaxLength("note", input.Note?.Trim(), Publication.ReasonMaxLength, "说明");
        errors.ThrowIfAny();
        foreach (var a in p.Approvals) a.Current = false;
        p.Approvals.Add(Act(ApprovalStep.Prepared, ApprovalOutcome.Approved, input.Note));
        p.Status = PublicationStatus.Approving;
        p.SubmittedAt = Now;
        await db.SaveChangesAsync();
    }

    /// <summary>Approves the waiting step; the last approval releases the item.</summary>
    public async Task<ApprovalStep> ApproveAsync(Publication p, ApprovalInput input)
    {
        var step = await WaitingAsync(p, input);
        p.Approvals.Add(Act(step, ApprovalOutcome.Approved, input.Note));
        var chain = PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind);
        if (PublicationRules.NextStep(chain, p.Approvals) is null) await ReleaseAsync(p);
        await db.SaveChangesAsync();
        return step;
    }

    /// <summary>Returns the item to the owner unit with a reason; it is prepared again and the chain starts over.</summary>
    public async Task ReturnAsync(Publication p, ApprovalInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Note)) throw new DomainValidationException("note", "required", "退回须写明理由");
        var step = await WaitingAsync(p, input);
        p.Approvals.Add(Act(step, ApprovalOutcome.Returned, input.Note));
        p.Status = PublicationStatus.Draft;
        await db.SaveChangesAsync();
    }

    private async Task<ApprovalStep> WaitingAsync(Publication p, ApprovalInput input)
    {
        if (p.Status != PublicationStatus.Approving)
            throw new DomainValidationException("status", "not_approving", $"当前状态为“{PublicationRules.Label(p.Status)}”，没有待审核的环节");
        new ValidationErrors().MaxLength("note", input.Note?.Trim(), Publication.ReasonMaxLength, "意见").ThrowIfAny();
        return PublicationRules.NextStep(PublicationRules.Chain(await PolicyAsync(p.AgencyId), p.Kind), p.Approvals)!.Value;
    }

    private PublicationApproval Act(ApprovalStep step, ApprovalOutcome outcome, string? note) => new()
    {
        Step = step, Outcome = outcome, Note = note?.Trim() ?? "", At = Now, By = me.UserName, ByName = me.DisplayName, Current = true,
    };

    /// <summary>
    /// The head's sign-off: a proposal not to disclose becomes NotDisclosed (kept, with its ground, reason and approver);
    /// otherwise the item goes public, the version it replaces is superseded, and a penalty gets its LAW-10 period.
    /// </summary>
    private async Task ReleaseAsync(Publication p)
    {
        if (p.NonDisclosureGround is not null && p.DisclosureException == DisclosureException.None)
        {
            p.Status = PublicationStatus.NotDisclosed;
            return;
        }
        var previous = await db.Set<Publication>()
            .Where(x => x.SeriesId == p.SeriesId && x.Id != p.Id && x.Status == PublicationStatus.Published).ToListAsync();
        foreach (var old in previous)
        {
            old.Status = PublicationStatus.Superseded;
            old.SupersededAt = Now;
        }
        p.Status = PublicationStatus.Published;
        p.PublishedAt = Now;
        p.PublishedBy = me.UserName;
        if (p.Kind == PublicationKind.Decision)
        {
            var kinds = p.DecisionId is { } did
                ? Domain.Decisions.DecisionRules.ParseKinds(await db.Set<Domain.Decisions.Decision>().Where(d => d.Id == did).Select(d => d.PenaltyKinds).FirstOrDefaultAsync() ?? "")
                : [];
            p.ShownUntil = PublicationRules.ShownUntil(await PolicyAsync(p.AgencyId), p.Category, kinds, p.FineYuan, Today);
        }
        // The portal's search lists the new version and drops the superseded one in the same transaction.
        await Zhifa.Data.Publicity.PortalSearchIndex.SyncAsync(db, p);
    }

    /// <summary>LAW-10: penalties past their period leave the portal; each is an audited change. Run daily and on demand.</summary>
    public async Task<int> ExpireDueAsync()
    {
        var today = Today;
        var due = await db.Set<Publication>()
            .Where(x => x.Status == PublicationStatus.Published && x.ShownUntil != null && x.ShownUntil < today).ToListAsync();
        foreach (var p in due)
        {
            p.Status = PublicationStatus.Expired;
            p.ExpiredAt = Now;
            await Zhifa.Data.Publicity.PortalSearchIndex.SyncAsync(db, p);
        }
        await db.SaveChangesAsync();
        return due.Count;
    }

    public async Task<DateOnly?> DueOnAsync(Publication p)
        => p.TriggeredOn is { } on ? PublicationRules.DueOn(await calendar.GetAsync(), on, p.Category) : null;

    public static List<ApprovalView> Approvals(Publication p) => [.. p.Approvals.OrderBy(a => a.Id)
        .Select(a => new ApprovalView(a.Step.ToString(), PublicationRules.Label(a.Step), a.Outcome == ApprovalOutcome.Approved ? "同意" : "退回", a.Note, a.At, a.ByName, a.Current))];

    // ---- for the portal: publications and error reports by key, without its reading these tables ----

    /// <summary>The publications of the given ids, in no particular order and whatever their status (the caller keeps what it may show).</summary>
    public async Task<List<Publication>> ByIdsAsync(IReadOnlyCollection<int> ids)
    {
        // Inlined ids: a parameter list becomes json_each on SQLite, which the planner scans instead of using the key.
        var wanted = ids.ToList();
        return await db.Set<Publication>().AsNoTracking().Where(p => EF.Constant(wanted).Contains(p.Id)).ToListAsync();
    }

    public async Task<PublicationErrorReport?> ErrorReportAsync(int seriesId, string receipt)
        => await db.Set<PublicationErrorReport>().AsNoTracking().FirstOrDefaultAsync(x => x.ReceiptNumber == receipt && x.SeriesId == seriesId);
}

/// <summary>LAW-10: on start and every hour, penalties past their period leave the portal (each an audited change).</summary>
public sealed class HourlyPublicationExpiry(IServiceScopeFactory scopes, TimeProvider time, ILogger<HourlyPublicationExpiry> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                int expired = await scope.ServiceProvider.GetRequiredService<PublicationService>().ExpireDueAsync();
                if (expired > 0) log.LogInformation("Publication period ended for {Count} decisions", expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Publication expiry failed; it runs again within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
